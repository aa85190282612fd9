<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>AES Dossiers</source>
        <translation>AES Dossiers</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>Select a dossier to see its details.</source>
        <translation>Sélectionnez un dossier pour en voir le détail.</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <translation>Intitulé du dossier</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Lead state</source>
        <translation>État chef de file</translation>
    </message>
    <message>
        <source>Rapporteur</source>
        <translation>Rapporteur</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Positions of the states</source>
        <translation>Positions des États</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Documents of the dossier</source>
        <translation>Documents du dossier</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>v{current} of {count}</source>
        <translation>v{current} sur {count}</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Lead state</source>
        <translation>État chef de file</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
</context>
<context>
    <name>ImportTargetDialog</name>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more file(s)</source>
        <translation>
            <numerusform>… et %n autre fichier</numerusform>
            <numerusform>… et %n autres fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Import into the dossier &lt;b&gt;{dossier}&lt;/b&gt;:</source>
        <translation>Importer dans le dossier &lt;b&gt;{dossier}&lt;/b&gt; :</translation>
    </message>
    <message numerus="yes">
        <source>As %n new document(s)</source>
        <translation>
            <numerusform>Comme nouveau document</numerusform>
            <numerusform>Comme %n nouveaux documents</numerusform>
        </translation>
    </message>
    <message>
        <source>As the new version of:</source>
        <translation>Comme nouvelle version de :</translation>
    </message>
    <message>
        <source>Document that gets a new version</source>
        <translation>Document qui reçoit une nouvelle version</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (version {version})</translation>
    </message>
    <message>
        <source>This dossier has no document yet.</source>
        <translation>Ce dossier n&apos;a encore aucun document.</translation>
    </message>
    <message>
        <source>Choose a single file to make a new version.</source>
        <translation>Choisissez un seul fichier pour en faire une nouvelle version.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
    <message>
        <source>Select the dossier that will receive the documents first.</source>
        <translation>Sélectionnez d&apos;abord le dossier qui recevra les documents.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Import de %n fichier…</numerusform>
            <numerusform>Import de %n fichiers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported.</source>
        <translation>
            <numerusform>%n document importé.</numerusform>
            <numerusform>%n documents importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already in the database.</source>
        <translation>
            <numerusform>%n fichier déjà présent dans la base.</numerusform>
            <numerusform>%n fichiers déjà présents dans la base.</numerusform>
        </translation>
    </message>
    <message>
        <source>• {file}: already there as &quot;{title}&quot;, version {version}</source>
        <translation>• {file} : déjà présent comme « {title} », version {version}</translation>
    </message>
    <message>
        <source>These files were already in the database; they were not imported again:</source>
        <translation>Ces fichiers étaient déjà dans la base ; ils n&apos;ont pas été importés une seconde fois :</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import annulé : rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Documents ({patterns})</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>Markdown and text (*.md *.markdown *.txt *.text)</source>
        <translation>Markdown et texte (*.md *.markdown *.txt *.text)</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>In preparation</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Roadmap execution report</source>
        <translation>Rapport d&apos;exécution de feuille de route</translation>
    </message>
    <message>
        <source>Additional protocol</source>
        <translation>Protocole additionnel</translation>
    </message>
    <message>
        <source>Parliamentary session provisions</source>
        <translation>Dispositions des sessions parlementaires</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>Défense</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Diplomacy</source>
        <translation>Diplomatie</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Développement</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Économie</translation>
    </message>
    <message>
        <source>Governance</source>
        <translation>Gouvernance</translation>
    </message>
    <message>
        <source>Legal affairs</source>
        <translation>Affaires juridiques</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>Culture</translation>
    </message>
    <message>
        <source>Other domain</source>
        <translation>Autre domaine</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>En examen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopté</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Ajourné</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Non classifié</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Diffusion restreinte</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidentiel</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>Mali</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>Burkina Faso</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>Niger</translation>
    </message>
    <message>
        <source>Confederation</source>
        <translation>Confédération</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>Favorable</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Not expressed</source>
        <translation>Non exprimée</translation>
    </message>
    <message>
        <source>Presentation note</source>
        <translation>Note de présentation</translation>
    </message>
    <message>
        <source>Draft protocol</source>
        <translation>Projet de texte</translation>
    </message>
    <message>
        <source>Technical sheet</source>
        <translation>Fiche technique</translation>
    </message>
    <message>
        <source>Legal opinion</source>
        <translation>Avis juridique</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>Annexe</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Non démarré</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Surlignage</translation>
    </message>
    <message>
        <source>Note (annotation)</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Action à mener</translation>
    </message>
    <message>
        <source>Decision point</source>
        <translation>Point de décision</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AES Dossiers</source>
        <translation>AES Dossiers</translation>
    </message>
    <message>
        <source>Sessions and agenda</source>
        <translation>Sessions et ordre du jour</translation>
    </message>
    <message>
        <source>Filter by reference, title or rapporteur…</source>
        <translation>Filtrer par référence, intitulé ou rapporteur…</translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation>Filtre rapide</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base : {path}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>&amp;Importer des documents…</translation>
    </message>
    <message>
        <source>Bring PDF, Word, Markdown or text files into the selected dossier</source>
        <translation>Importer des fichiers PDF, Word, Markdown ou texte dans le dossier sélectionné</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Filter dossiers</source>
        <translation>&amp;Filtrer les dossiers</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About AES Dossiers</source>
        <translation>À &amp;propos d&apos;AES Dossiers</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language will be used the next time AES Dossiers starts.</source>
        <translation>La nouvelle langue sera appliquée au prochain démarrage d&apos;AES Dossiers.</translation>
    </message>
    <message>
        <source>About AES Dossiers</source>
        <translation>À propos d&apos;AES Dossiers</translation>
    </message>
    <message>
        <source>&lt;b&gt;AES Dossiers&lt;/b&gt; {version}&lt;br&gt;Preparing the dossiers of the Council of Ministers of the Confederation of Sahel States, offline.&lt;br&gt;&lt;br&gt;Database: {db}</source>
        <translation>&lt;b&gt;AES Dossiers&lt;/b&gt; {version}&lt;br&gt;Préparer hors ligne les dossiers du Conseil des ministres de la Confédération des États du Sahel.&lt;br&gt;&lt;br&gt;Base : {db}</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>AES Dossiers</source>
        <translation>AES Dossiers</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <source>An unexpected error occurred; nothing was changed. Details: {error}</source>
        <translation>Une erreur inattendue s&apos;est produite ; rien n&apos;a été modifié. Détail : {error}</translation>
    </message>
</context>
<context>
    <name>SessionTreeModel</name>
    <message>
        <source>Sessions and agenda</source>
        <translation>Sessions et ordre du jour</translation>
    </message>
    <message>
        <source>All dossiers</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>{title}
{place}, {date}
{count} dossier(s) — {status}</source>
        <translation>{title}
{place}, {date}
{count} dossier(s) — {status}</translation>
    </message>
    <message>
        <source>Presented by: {name}</source>
        <translation>Présenté par : {name}</translation>
    </message>
    <message>
        <source>Dossier: {ref}</source>
        <translation>Dossier : {ref}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AnnotationEditDialog</name>
    <message>
        <source>Edit annotation</source>
        <translation>Modifier l&apos;annotation</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilité</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Confiée à</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Only its author can change this annotation; you can mark it resolved.</source>
        <translation>Seul son auteur peut modifier cette annotation ; vous pouvez la marquer comme résolue.</translation>
    </message>
    <message>
        <source>The note is too long ({n} characters; the limit is {limit}). Split it, or add the text to the dossier as a document.</source>
        <translation>La note est trop longue ({n} caractères ; la limite est de {limit}). Scindez-la, ou ajoutez ce texte au dossier comme document.</translation>
    </message>
</context>
<context>
    <name>AnnotationLabels</name>
    <message>
        <source>Yellow</source>
        <extracomment>The :class:`AnnotationRow` of a list item. Colours offered for highlights and notes (light enough to read text through).</extracomment>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Anchored</source>
        <translation>Ancrée</translation>
    </message>
    <message>
        <source>Passage changed</source>
        <translation>Passage modifié</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>Orpheline</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <source>Note pinned on the page</source>
        <translation>Note épinglée sur la page</translation>
    </message>
    <message>
        <source>Area of the page</source>
        <translation>Zone de la page</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>page {n}</source>
        <translation>page {n}</translation>
    </message>
    <message>
        <source>art. {n}</source>
        <translation>art. {n}</translation>
    </message>
    <message>
        <source>Show the annotations of</source>
        <translation>Afficher les annotations de</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Ce document</translation>
    </message>
    <message>
        <source>This dossier</source>
        <translation>Ce dossier</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Cette session</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Toutes natures</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilité</translation>
    </message>
    <message>
        <source>Private and shared</source>
        <translation>Privées et partagées</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open and resolved</source>
        <translation>Ouvertes et résolues</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>Orphans</source>
        <translation>Orphelines</translation>
    </message>
    <message>
        <source>Passage changed</source>
        <translation>Passage modifié</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Trash…</source>
        <translation>Corbeille…</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Tous les auteurs</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Assigned to {who}, due {due}</source>
        <translation>Confiée à {who}, échéance {due}</translation>
    </message>
    <message>
        <source>Assigned to {who}</source>
        <translation>Confiée à {who}</translation>
    </message>
    <message>
        <source>Due {due}</source>
        <translation>Échéance {due}</translation>
    </message>
    <message>
        <source>This passage is no longer in the current version. The annotation is kept with the passage it was written on:</source>
        <translation>Ce passage ne figure plus dans la version actuelle. L&apos;annotation est conservée avec le passage sur lequel elle a été écrite :</translation>
    </message>
    <message>
        <source>The passage changed since it was annotated (version {old} → {new}):</source>
        <translation>Le passage a changé depuis l&apos;annotation (version {old} → {new}) :</translation>
    </message>
</context>
<context>
    <name>AnnotationUndoStack</name>
    <message>
        <source>Annotate</source>
        <translation>Annoter</translation>
    </message>
    <message>
        <source>Resolve annotation</source>
        <translation>Résoudre l&apos;annotation</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>Modifier l&apos;annotation</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Supprimer l&apos;annotation</translation>
    </message>
    <message>
        <source>Restore annotation</source>
        <translation>Restaurer l&apos;annotation</translation>
    </message>
    <message>
        <source>This change could not be undone or redone: {reason}</source>
        <translation>Cette modification n&apos;a pas pu être annulée ou rétablie : {reason}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
</context>
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
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilité</translation>
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
    <name>PageCanvas</name>
    <message>
        <source>PDF page</source>
        <extracomment>Pixels per PDF point at zoom 1 (a page at 100 % has its printed size on a 96 dpi screen). The largest side, in pixels, a page is rendered at (memory stays bounded at any zoom).</extracomment>
        <translation>Page du PDF</translation>
    </message>
    <message>
        <source>Page {n} could not be displayed (the file may be damaged). The document, its other pages and your annotations are kept.</source>
        <translation>La page {n} n&apos;a pas pu être affichée (le fichier est peut-être endommagé). Le document, ses autres pages et vos annotations sont conservés.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Select text</source>
        <translation>Sélectionner du texte</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Pin a note</source>
        <translation>Épingler une note</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>Question…</source>
        <translation>Question…</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>This version has no PDF file.</source>
        <translation>Cette version n&apos;a pas de fichier PDF.</translation>
    </message>
    <message>
        <source>This PDF file could not be opened (it may be damaged or protected). The document and its annotations are kept.</source>
        <translation>Ce fichier PDF n&apos;a pas pu être ouvert (il est peut-être endommagé ou protégé). Le document et ses annotations sont conservés.</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>sur {n}</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Your profile</source>
        <extracomment>The person id of a list item (``NEW_PROFILE`` for the &quot;new profile&quot; item).</extracomment>
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>Welcome. Choose who you are: your annotations are signed with this profile, and your private notes are seen only by you.</source>
        <translation>Bienvenue. Indiquez qui vous êtes : vos annotations sont signées de ce profil, et vos notes privées ne sont visibles que par vous.</translation>
    </message>
    <message>
        <source>Choose the profile you work under, or create a new one.</source>
        <translation>Choisissez le profil sous lequel vous travaillez, ou créez-en un nouveau.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Use this profile</source>
        <translation>Utiliser ce profil</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Nouveau profil…</translation>
    </message>
    <message>
        <source>Create and use this profile</source>
        <translation>Créer et utiliser ce profil</translation>
    </message>
    <message>
        <source>This profile no longer exists.</source>
        <translation>Ce profil n&apos;existe plus.</translation>
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
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash of annotations</source>
        <translation>Corbeille des annotations</translation>
    </message>
    <message>
        <source>Annotations you deleted stay here, even after the application is closed, until you delete them for good.</source>
        <translation>Les annotations que vous avez supprimées restent ici, même après la fermeture de l&apos;application, jusqu&apos;à leur suppression définitive.</translation>
    </message>
    <message>
        <source>Deleted annotations</source>
        <translation>Annotations supprimées</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Empty the trash…</source>
        <translation>Vider la corbeille…</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n annotation(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer définitivement %n annotation ? Cette opération est irréversible.</numerusform>
            <numerusform>Supprimer définitivement %n annotations ? Cette opération est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Empty the trash: %n annotation(s) deleted for good? This cannot be undone.</source>
        <translation>
            <numerusform>Vider la corbeille : %n annotation supprimée définitivement ? Cette opération est irréversible.</numerusform>
            <numerusform>Vider la corbeille : %n annotations supprimées définitivement ? Cette opération est irréversible.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>Supprimée le</translation>
    </message>
</context>
</TS>

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
    <name>CommitQueue</name>
    <message>
        <source>Saving</source>
        <extracomment>Emitted when the last queued edit has finished (successfully or not).</extracomment>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Saving your change…</source>
        <translation>Enregistrement de votre modification…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>No due date</source>
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>Clear the due date</source>
        <translation>Effacer l&apos;échéance</translation>
    </message>
</context>
<context>
    <name>DossierActivity</name>
    <message>
        <source>Dossier created</source>
        <translation>Dossier créé</translation>
    </message>
    <message>
        <source>Dossier edited</source>
        <translation>Fiche modifiée</translation>
    </message>
    <message>
        <source>Position of a state</source>
        <translation>Position d&apos;un État</translation>
    </message>
    <message>
        <source>Created as a copy</source>
        <translation>Créé par copie</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>Document ajouté</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nouvelle version</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Annotation edited</source>
        <translation>Annotation modifiée</translation>
    </message>
    <message>
        <source>Annotation deleted</source>
        <translation>Annotation supprimée</translation>
    </message>
    <message>
        <source>Roadmap actions added</source>
        <translation>Actions de la feuille de route ajoutées</translation>
    </message>
    <message>
        <source>Progress updated</source>
        <translation>Avancement mis à jour</translation>
    </message>
</context>
<context>
    <name>DossierEditor</name>
    <message>
        <source>Reference</source>
        <extracomment>The metadata fields, in the order of the form.</extracomment>
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
        <source>Position of {state}</source>
        <translation>Position : {state}</translation>
    </message>
    <message>
        <source>Not allowed from “{status}”</source>
        <translation>Impossible depuis « {status} »</translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation>Modification : {fields}</translation>
    </message>
    <message>
        <source>Conflict</source>
        <extracomment>A dossier was saved (its id); the page refreshes its header, the table its row. The dossier vanished or its session was closed meanwhile: the page reloads it.</extracomment>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Show the saved version; your changes listed above are dropped.</source>
        <translation>Afficher la version enregistrée ; vos modifications listées ci-dessus sont abandonnées.</translation>
    </message>
    <message>
        <source>Re-apply my changes</source>
        <translation>Réappliquer mes modifications</translation>
    </message>
    <message>
        <source>Show the saved version, then save your changes listed above on top of it; the other changes are kept.</source>
        <translation>Afficher la version enregistrée, puis y enregistrer vos modifications listées ci-dessus ; les autres changements sont conservés.</translation>
    </message>
    <message>
        <source>This dossier was changed elsewhere since you opened it.</source>
        <translation>Ce dossier a été modifié ailleurs depuis que vous l&apos;avez ouvert.</translation>
    </message>
    <message>
        <source>Nothing was overwritten. The saved version says:</source>
        <translation>Rien n&apos;a été écrasé. La version enregistrée indique :</translation>
    </message>
    <message>
        <source>Your changes, not saved:</source>
        <translation>Vos modifications, non enregistrées :</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparées par des virgules</translation>
    </message>
    <message>
        <source>Saved when you leave the field (or Ctrl+Return).</source>
        <translation>Enregistré quand vous quittez le champ (ou Ctrl+Entrée).</translation>
    </message>
    <message>
        <source>Positions of the states</source>
        <translation>Positions des États</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Comment of {state}</source>
        <translation>Commentaire : {state}</translation>
    </message>
    <message>
        <source>Session {session} is closed: this dossier can be read but no longer changed. Duplicate it to reuse it in a session in preparation.</source>
        <translation>La session {session} est close : ce dossier peut être consulté mais plus modifié. Dupliquez-le pour le reprendre dans une session en préparation.</translation>
    </message>
    <message>
        <source>Next steps: {steps}</source>
        <translation>Étapes suivantes possibles : {steps}</translation>
    </message>
    <message>
        <source>Final status: decided by the Council.</source>
        <translation>Statut définitif : décision du Conseil.</translation>
    </message>
    <message>
        <source>Your change to {reference} was not saved: {error}</source>
        <translation>Votre modification de {reference} n&apos;a pas été enregistrée : {error}</translation>
    </message>
    <message>
        <source>Saved by {actor} on {date} at {time}.</source>
        <translation>Enregistrée par {actor} le {date} à {time}.</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>Select a dossier to see its details.</source>
        <extracomment>What changed (for the main window&apos;s change bus, when it has one).</extracomment>
        <translation>Sélectionnez un dossier pour en voir le détail.</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <translation>Intitulé du dossier</translation>
    </message>
    <message>
        <source>Reference and session</source>
        <translation>Référence et session</translation>
    </message>
    <message>
        <source>Roadmap follow-up: actions, progress, gaps…</source>
        <translation>Suivi de la feuille de route : actions, avancement, écarts…</translation>
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
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Activity of the dossier</source>
        <translation>Activité du dossier</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
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
    <name>DuplicateDossierDialog</name>
    <message>
        <source>Duplicate a dossier</source>
        <translation>Dupliquer un dossier</translation>
    </message>
    <message>
        <source>A copy of &lt;b&gt;{reference}&lt;/b&gt; ({title}) is created as a draft: metadata and tags are copied, the states&apos; positions start again as not expressed, annotations stay with the original.</source>
        <translation>Une copie de &lt;b&gt;{reference}&lt;/b&gt; ({title}) est créée comme brouillon : la fiche et les étiquettes sont reprises, les positions des États repartent à « non exprimée », les annotations restent sur l&apos;original.</translation>
    </message>
    <message>
        <source>Copy the documents (their current version)</source>
        <translation>Copier les documents (leur version courante)</translation>
    </message>
    <message>
        <source>Into session</source>
        <translation>Dans la session</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Every session is closed: create a new session first.</source>
        <translation>Toutes les sessions sont closes : créez d&apos;abord une nouvelle session.</translation>
    </message>
    <message>
        <source>The reference of the dossier is required.</source>
        <translation>La référence du dossier est obligatoire.</translation>
    </message>
    <message>
        <source>Copying the dossier…</source>
        <translation>Copie du dossier…</translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>declared late</source>
        <translation>déclarée en retard</translation>
    </message>
    <message>
        <source>behind schedule</source>
        <translation>en deçà du rythme attendu</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>échue depuis %n jour</numerusform>
            <numerusform>échue depuis %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>due today, below target</source>
        <translation>échue aujourd&apos;hui, sous la cible</translation>
    </message>
    <message>
        <source> (expected {rate})</source>
        <translation> (attendu : {rate})</translation>
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
        <source>&amp;New dossier…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>&amp;Duplicate dossier…</source>
        <translation>&amp;Dupliquer le dossier…</translation>
    </message>
    <message>
        <source>New &amp;session from…</source>
        <translation>Nouvelle &amp;session à partir de…</translation>
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
    <name>NewDossierDialog</name>
    <message>
        <source>New dossier</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Every session is closed: create a new session first.</source>
        <translation>Toutes les sessions sont closes : créez d&apos;abord une nouvelle session.</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New session from a previous one</source>
        <translation>Nouvelle session à partir d&apos;une précédente</translation>
    </message>
    <message>
        <source>The agenda of the model session is copied, and each of its dossiers becomes a draft of the new session, with a new reference. The states&apos; positions start again as not expressed; due dates move with the session.</source>
        <translation>L&apos;ordre du jour de la session modèle est repris et chacun de ses dossiers devient un brouillon de la nouvelle session, avec une nouvelle référence. Les positions des États repartent à « non exprimée » ; les échéances sont décalées avec la session.</translation>
    </message>
    <message>
        <source>Model session</source>
        <translation>Session modèle</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Présidence</translation>
    </message>
    <message>
        <source>Also copy the documents (their current version)</source>
        <translation>Copier aussi les documents (leur version courante)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>There is no session to start from.</source>
        <translation>Aucune session ne peut servir de modèle.</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) will be copied as drafts.</source>
        <translation>
            <numerusform>%n dossier sera repris comme brouillon.</numerusform>
            <numerusform>%n dossiers seront repris comme brouillons.</numerusform>
        </translation>
    </message>
    <message>
        <source>The reference of the session is required.</source>
        <translation>La référence de la session est obligatoire.</translation>
    </message>
    <message>
        <source>The title of the session is required.</source>
        <translation>L&apos;intitulé de la session est obligatoire.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Copying the agenda and the dossiers of {reference}…</source>
        <translation>Reprise de l&apos;ordre du jour et des dossiers de {reference}…</translation>
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
    <name>RoadmapDelegate</name>
    <message>
        <source>Completion rate</source>
        <translation>Taux de réalisation</translation>
    </message>
    <message>
        <source>Status of the action</source>
        <translation>Statut de l&apos;action</translation>
    </message>
    <message>
        <source>Comment on the action</source>
        <translation>Commentaire sur l&apos;action</translation>
    </message>
</context>
<context>
    <name>RoadmapModel</name>
    <message>
        <source>Axis / action</source>
        <translation>Axe / action</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>Resp.</translation>
    </message>
    <message>
        <source>Achieved / target</source>
        <translation>Réalisé / cible</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <extracomment>True on axis rows. The action&apos;s status (an :class:`ActionStatus`) on action rows. The rate in percent (float) on action rows, the mean rate on axis rows. The actions changed here (an edit shown, saved, or reverted): gaps and charts follow. An action was saved (its id). An edit was refused (conflict, validation, closed session); the message is French.</extracomment>
        <translation>
            <numerusform>%n réalisée</numerusform>
            <numerusform>%n réalisées</numerusform>
        </translation>
    </message>
    <message>
        <source>{axis}: {count} actions, mean rate {rate}</source>
        <translation>{axis} : {count} actions, taux moyen {rate}</translation>
    </message>
    <message>
        <source>Indicator: {text}</source>
        <translation>Indicateur : {text}</translation>
    </message>
    <message>
        <source>Responsible: {ministry} ({state})</source>
        <translation>Responsable : {ministry} ({state})</translation>
    </message>
    <message>
        <source>Action {code} was changed elsewhere; your change ({mine}) was not saved. Saved version: rate {rate}, status {status}{comment}.</source>
        <translation>L&apos;action {code} a été modifiée ailleurs ; votre modification ({mine}) n&apos;a pas été enregistrée. Version enregistrée : taux {rate}, statut {status}{comment}.</translation>
    </message>
    <message>
        <source>rate {rate}</source>
        <translation>taux {rate}</translation>
    </message>
    <message>
        <source>status {status}</source>
        <translation>statut {status}</translation>
    </message>
    <message>
        <source>comment « {text} »</source>
        <translation>commentaire « {text} »</translation>
    </message>
</context>
<context>
    <name>RoadmapView</name>
    <message>
        <source>Situation on</source>
        <extracomment>Saved edits (dossier and action ids), for the other views.</extracomment>
        <translation>Situation au</translation>
    </message>
    <message>
        <source>Date of the situation</source>
        <translation>Date de la situation</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>Tolerance before an action is behind schedule</source>
        <translation>Tolérance avant qu&apos;une action soit en deçà du rythme attendu</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Roadmap actions by axis</source>
        <translation>Actions de la feuille de route par axe</translation>
    </message>
    <message>
        <source>Progress by axis</source>
        <translation>Avancement par axe</translation>
    </message>
    <message>
        <source>Progress by responsible state</source>
        <translation>Avancement par État responsable</translation>
    </message>
    <message>
        <source>No action.</source>
        <translation>Aucune action.</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>No execution report selected.</source>
        <translation>Aucun rapport d&apos;exécution sélectionné.</translation>
    </message>
    <message>
        <source>Session {session} is closed: the progress of its actions can no longer be changed.</source>
        <translation>La session {session} est close : l&apos;avancement de ses actions ne peut plus être modifié.</translation>
    </message>
    <message numerus="yes">
        <source>Gaps: %n action(s)</source>
        <translation>
            <numerusform>Écarts : %n action</numerusform>
            <numerusform>Écarts : %n actions</numerusform>
        </translation>
    </message>
    <message>
        <source>An action is listed when it is declared late, when its due date has passed below 100 %, or when its rate is more than {tolerance} points below an even progress over the twelve months before its due date. Abandoned actions are not listed.</source>
        <translation>Une action figure ici si elle est déclarée en retard, si son échéance est passée sans atteindre 100 %, ou si son taux est inférieur de plus de {tolerance} points à une progression régulière sur les douze mois précédant son échéance. Les actions abandonnées n&apos;y figurent pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message>
        <source>mean rate {rate}</source>
        <translation>taux moyen {rate}</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n réalisée</numerusform>
            <numerusform>%n réalisées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n écart</numerusform>
            <numerusform>%n écarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{group}: mean rate {rate} over %n action(s)</source>
        <translation>
            <numerusform>{group} : taux moyen {rate} sur %n action</numerusform>
            <numerusform>{group} : taux moyen {rate} sur %n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoadmapWindow</name>
    <message>
        <source>Roadmap follow-up — {reference}</source>
        <translation>Suivi de la feuille de route — {reference}</translation>
    </message>
    <message>
        <source>Roadmap follow-up</source>
        <translation>Suivi de la feuille de route</translation>
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

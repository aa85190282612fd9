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
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Filter by person, object or summary…</source>
        <translation>Filtrer par personne, objet ou résumé…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>The audit log was altered: {problems}</source>
        <translation>Le journal d&apos;audit a été altéré : {problems}</translation>
    </message>
    <message>
        <source>The audit log is intact ({n} entries checked).</source>
        <translation>Le journal d&apos;audit est intact ({n} entrées vérifiées).</translation>
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
        <translation>Ouvrir</translation>
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
    <name>LockScreen</name>
    <message>
        <source>AES Dossiers is locked</source>
        <translation>AES Dossiers est verrouillé</translation>
    </message>
    <message>
        <source>The content is hidden after a period without activity. Type the passphrase to continue.</source>
        <translation>Le contenu est masqué après une période d&apos;inactivité. Saisissez la phrase de passe pour continuer.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Phrase de passe incorrecte.</translation>
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
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal d&apos;audit…</translation>
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
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
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
    <name>NewPassphraseDialog</name>
    <message>
        <source>Protect your dossiers</source>
        <translation>Protéger vos dossiers</translation>
    </message>
    <message>
        <source>Encrypt the database</source>
        <translation>Chiffrer la base</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>AES Dossiers can encrypt its database, so that a lost or stolen laptop does not give away the dossiers. You will type the passphrase each time the application starts. &lt;b&gt;If you forget it, the data cannot be recovered.&lt;/b&gt;</source>
        <translation>AES Dossiers peut chiffrer sa base de données : un ordinateur perdu ou volé ne livre alors pas les dossiers. Vous saisirez la phrase de passe à chaque démarrage. &lt;b&gt;En cas d&apos;oubli, les données sont irrécupérables.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The database and its backups will be encrypted (SQLCipher, AES-256). You will type the passphrase each time the application starts. &lt;b&gt;If you forget it, the data cannot be recovered.&lt;/b&gt;</source>
        <translation>La base et ses sauvegardes seront chiffrées (SQLCipher, AES-256). Vous saisirez la phrase de passe à chaque démarrage. &lt;b&gt;En cas d&apos;oubli, les données sont irrécupérables.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The database and its backups will be re-encrypted with the new passphrase.</source>
        <translation>La base et ses sauvegardes seront rechiffrées avec la nouvelle phrase de passe.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase de passe actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase de passe, à nouveau</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidité de la phrase de passe</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase de passe actuelle :</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase de passe :</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Saisissez-la à nouveau :</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Chiffrer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>Trop courte : au moins {n} caractères.</translation>
    </message>
    <message>
        <source>Type a passphrase: several words are easier to remember.</source>
        <translation>Saisissez une phrase de passe : plusieurs mots se retiennent plus facilement.</translation>
    </message>
    <message>
        <source>Weak: make it longer (several words are better than one).</source>
        <translation>Faible : allongez-la (plusieurs mots valent mieux qu&apos;un seul).</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Moyenne : quelques mots de plus la rendraient solide.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Bonne.</translation>
    </message>
    <message>
        <source>Very good.</source>
        <translation>Très bonne.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
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
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Base chiffrée</translation>
    </message>
    <message>
        <source>The database &lt;b&gt;{name}&lt;/b&gt; is encrypted. Type its passphrase to open it.</source>
        <translation>La base &lt;b&gt;{name}&lt;/b&gt; est chiffrée. Saisissez sa phrase de passe pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe :</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Saisissez la phrase de passe.</translation>
    </message>
    <message>
        <source>Wrong passphrase: the database was not opened and nothing was changed.</source>
        <translation>Phrase de passe incorrecte : la base n&apos;a pas été ouverte et rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Damaged database</source>
        <translation>Base endommagée</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database is damaged.&lt;/b&gt;</source>
        <translation>&lt;b&gt;La base de données est endommagée.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fichier : {path}</translation>
    </message>
    <message>
        <source>The latest good backup dates from &lt;b&gt;{when}&lt;/b&gt; ({name}). Restoring it replaces the damaged database; the damaged file is first copied into the backups folder, so nothing is thrown away. Edits made after {when} are not in this backup.</source>
        <translation>La dernière sauvegarde saine date du &lt;b&gt;{when}&lt;/b&gt; ({name}). La restaurer remplace la base endommagée ; le fichier endommagé est d&apos;abord copié dans le dossier des sauvegardes, rien n&apos;est donc jeté. Les modifications faites après le {when} ne sont pas dans cette sauvegarde.</translation>
    </message>
    <message>
        <source>No usable backup was found in {folder}. Quit, and keep the damaged file: a technician may be able to recover part of it.</source>
        <translation>Aucune sauvegarde utilisable n&apos;a été trouvée dans {folder}. Quittez et conservez le fichier endommagé : un technicien pourra peut-être en récupérer une partie.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <source>AES Dossiers</source>
        <translation>AES Dossiers</translation>
    </message>
</context>
<context>
    <name>SecurityMenu</name>
    <message>
        <source>&amp;Security</source>
        <translation>Sé&amp;curité</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after</source>
        <translation>Verrouiller &amp;automatiquement après</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Encrypt the database…</source>
        <translation>&amp;Chiffrer la base…</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase…</source>
        <translation>C&amp;hanger la phrase de passe…</translation>
    </message>
    <message>
        <source>Encrypt the database</source>
        <translation>Chiffrer la base</translation>
    </message>
    <message>
        <source>Encrypting the database and its backups…</source>
        <translation>Chiffrement de la base et de ses sauvegardes…</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>La base est désormais chiffrée.</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>Re-encrypting the database and its backups…</source>
        <translation>Rechiffrement de la base et de ses sauvegardes…</translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation>La phrase de passe a été changée.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
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

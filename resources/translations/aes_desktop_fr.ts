<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Presented by</source>
        <translation>Présenté par</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
</context>
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
    <message>
        <source>The database check found damage. AES Dossiers will now offer to restore the latest good backup; the damaged file is kept aside.</source>
        <translation>La vérification de la base a trouvé des dommages. AES Dossiers va vous proposer de restaurer la dernière sauvegarde saine ; le fichier endommagé est conservé à part.</translation>
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
    <name>CloseWaiter</name>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement en cours…</translation>
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
    <name>CompareWidget</name>
    <message>
        <source>Older version</source>
        <translation>Version la plus ancienne</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Version la plus récente</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>&amp;with</source>
        <translation>a&amp;vec</translation>
    </message>
    <message>
        <source>Swap the two versions</source>
        <translation>Intervertir les deux versions</translation>
    </message>
    <message>
        <source>&amp;Only the changes</source>
        <translation>&amp;Seulement les modifications</translation>
    </message>
    <message>
        <source>Previous change (Shift+F8)</source>
        <translation>Modification précédente (Maj+F8)</translation>
    </message>
    <message>
        <source>Next change (F8)</source>
        <translation>Modification suivante (F8)</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Résumé des modifications</translation>
    </message>
    <message>
        <source>Differences between the two versions</source>
        <translation>Différences entre les deux versions</translation>
    </message>
    <message>
        <source>Choose a document of the dossier to compare its versions.</source>
        <translation>Choisissez un document du dossier pour comparer ses versions.</translation>
    </message>
    <message>
        <source>Version {number} — {date}</source>
        <translation>Version {number} — {date}</translation>
    </message>
    <message>
        <source>This document has no version yet.</source>
        <translation>Ce document n&apos;a pas encore de version.</translation>
    </message>
    <message>
        <source>Choose two different versions to compare.</source>
        <translation>Choisissez deux versions différentes à comparer.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>The two versions are identical.</source>
        <translation>Les deux versions sont identiques.</translation>
    </message>
    <message numerus="yes">
        <source>%n other passage(s) changed</source>
        <translation>
            <numerusform>%n autre passage modifié</numerusform>
            <numerusform>%n autres passages modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) changed</source>
        <translation>
            <numerusform>%n passage modifié</numerusform>
            <numerusform>%n passages modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) modified</source>
        <translation>
            <numerusform>%n article modifié</numerusform>
            <numerusform>%n articles modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) added</source>
        <translation>
            <numerusform>%n article ajouté</numerusform>
            <numerusform>%n articles ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) removed</source>
        <translation>
            <numerusform>%n article supprimé</numerusform>
            <numerusform>%n articles supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) merged into another</source>
        <translation>
            <numerusform>%n article fusionné dans un autre</numerusform>
            <numerusform>%n articles fusionnés dans d&apos;autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) renumbered</source>
        <translation>
            <numerusform>%n article renuméroté</numerusform>
            <numerusform>%n articles renumérotés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified</source>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged into another</source>
        <translation>
            <numerusform>%n fusionné dans un autre</numerusform>
            <numerusform>%n fusionnés dans d&apos;autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renumbered</source>
        <translation>
            <numerusform>%n renuméroté</numerusform>
            <numerusform>%n renumérotés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n unchanged passage(s) not shown …</source>
        <translation>
            <numerusform>… %n passage identique non affiché …</numerusform>
            <numerusform>… %n passages identiques non affichés …</numerusform>
        </translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>{kind} added</source>
        <translation>{kind} ajouté</translation>
    </message>
    <message>
        <source>partly taken from {what}</source>
        <translation>repris en partie de {what}</translation>
    </message>
    <message>
        <source>{kind} merged into {what}</source>
        <translation>{kind} fusionné dans {what}</translation>
    </message>
    <message>
        <source>{kind} removed</source>
        <translation>{kind} supprimé</translation>
    </message>
    <message>
        <source>Renumbered: article {old} → article {new}</source>
        <translation>Renuméroté : article {old} → article {new}</translation>
    </message>
    <message>
        <source>{kind} modified</source>
        <translation>{kind} modifié</translation>
    </message>
    <message>
        <source>renumbered {old} → {new}</source>
        <translation>renuméroté {old} → {new}</translation>
    </message>
    <message>
        <source>article {number}</source>
        <translation>l&apos;article {number}</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Change {current} of {count}</source>
        <translation>Modification {current} sur {count}</translation>
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
    <name>DocumentView</name>
    <message>
        <source>Yellow</source>
        <extracomment>Highlight colours offered in the toolbar: (hex, source label for tr()).</extracomment>
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
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Annotate the selection</source>
        <translation>Annoter la sélection</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
    <message>
        <source>Highlight the selected passage (Ctrl+H)</source>
        <translation>Surligner le passage sélectionné (Ctrl+H)</translation>
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
        <source>File imported</source>
        <translation>Fichier importé</translation>
    </message>
    <message>
        <source>Annotation created</source>
        <translation>Annotation créée</translation>
    </message>
    <message>
        <source>Annotation moved to the trash</source>
        <translation>Annotation mise à la corbeille</translation>
    </message>
    <message>
        <source>Annotation restored</source>
        <translation>Annotation restaurée</translation>
    </message>
    <message>
        <source>Annotation deleted for good</source>
        <translation>Annotation supprimée définitivement</translation>
    </message>
    <message>
        <source>Annotations carried to a new version</source>
        <translation>Annotations reportées sur la nouvelle version</translation>
    </message>
    <message>
        <source>Session created</source>
        <translation>Session créée</translation>
    </message>
    <message>
        <source>Session created from a past one</source>
        <translation>Session créée à partir d&apos;une session passée</translation>
    </message>
    <message>
        <source>Session status changed</source>
        <translation>Statut de la session modifié</translation>
    </message>
    <message>
        <source>Briefing pack exported</source>
        <translation>Dossier du ministre exporté</translation>
    </message>
    <message>
        <source>Briefing pack export failed</source>
        <translation>Échec de l&apos;export du dossier du ministre</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Pack definition saved</source>
        <translation>Définition de dossier du ministre enregistrée</translation>
    </message>
    <message>
        <source>Pack definition changed</source>
        <translation>Définition de dossier du ministre modifiée</translation>
    </message>
    <message>
        <source>Pack definition deleted</source>
        <translation>Définition de dossier du ministre supprimée</translation>
    </message>
    <message>
        <source>Backup taken</source>
        <translation>Sauvegarde effectuée</translation>
    </message>
    <message>
        <source>Database restored from a backup</source>
        <translation>Base restaurée depuis une sauvegarde</translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation>Base chiffrée</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase de passe changée</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>annotation</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>dossier</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>briefing pack</source>
        <translation>dossier du ministre</translation>
    </message>
    <message>
        <source>pack definition</source>
        <translation>définition de dossier</translation>
    </message>
    <message>
        <source>roadmap action</source>
        <translation>action de la feuille de route</translation>
    </message>
    <message>
        <source>session</source>
        <translation>session</translation>
    </message>
    <message>
        <source>Annotation edited</source>
        <translation>Annotation modifiée</translation>
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
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>Select a dossier to see its details.</source>
        <translation>Sélectionnez un dossier pour en voir le détail.</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <extracomment>What changed (for the main window&apos;s change bus, when it has one).</extracomment>
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
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Opening the dossier…</source>
        <translation>Ouverture du dossier…</translation>
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
    <name>FilterBar</name>
    <message>
        <source>Kind</source>
        <extracomment>Query field → vocabulary, in display order.</extracomment>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
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
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
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
        <source>Saved searches and filters</source>
        <translation>Recherches et filtres enregistrés</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Original (PDF)</source>
        <translation>Original (PDF)</translation>
    </message>
    <message>
        <source>Compare versions</source>
        <translation>Comparer les versions</translation>
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
        <source>Minister&apos;s &amp;pack…</source>
        <translation>&amp;Dossier du ministre…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>A&amp;perçu avant impression…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Imprimer…</translation>
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
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Save search or filters…</source>
        <translation>Enregistrer la recherche ou les filtres…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Annotation &amp;trash…</source>
        <translation>&amp;Corbeille des annotations…</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Choose my &amp;profile…</source>
        <translation>Choisir mon &amp;profil…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
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
    <message>
        <source>Save search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
    <message>
        <source>Name of the saved search or filters:</source>
        <translation>Nom de la recherche ou des filtres enregistrés :</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Profile: {name}</source>
        <translation>Profil : {name}</translation>
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
    <name>NewAnnotationDialog</name>
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
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
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
    <name>PackDialog</name>
    <message>
        <source>Minister&apos;s pack</source>
        <translation>Dossier du ministre</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Préparé par</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(aucun profil)</translation>
    </message>
    <message>
        <source>Saved definitions</source>
        <translation>Définitions enregistrées</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Points de l&apos;ordre du jour</translation>
    </message>
    <message>
        <source>Dossiers and documents</source>
        <translation>Dossiers et documents</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Highest of the content</source>
        <translation>La plus élevée du contenu</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Shared annotations</source>
        <translation>Annotations partagées</translation>
    </message>
    <message>
        <source>My annotations</source>
        <translation>Mes annotations</translation>
    </message>
    <message>
        <source>Shared and mine</source>
        <translation>Partagées et les miennes</translation>
    </message>
    <message>
        <source>Roadmap section</source>
        <translation>Section feuille de route</translation>
    </message>
    <message>
        <source>Imported PDF annexes</source>
        <translation>Annexes PDF importées</translation>
    </message>
    <message>
        <source>States&apos; positions</source>
        <translation>Positions des États</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Confirmation du mot de passe</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Recipient&apos;s title</source>
        <translation>Titre du destinataire</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Mention de classification</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Numéro d&apos;exemplaire</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Password (AES-256)</source>
        <translation>Mot de passe (AES-256)</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirmer le mot de passe</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exporter en PDF…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>A&amp;perçu avant impression…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print selected &amp;document…</source>
        <translation>Imprimer le &amp;document choisi…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <source>Save definition</source>
        <translation>Enregistrer la définition</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Export the pack</source>
        <translation>Exporter le dossier</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Building the pack…</source>
        <translation>Construction du dossier…</translation>
    </message>
    <message>
        <source>Preparing the print…</source>
        <translation>Préparation de l&apos;impression…</translation>
    </message>
    <message>
        <source>Sending the pack to the printer…</source>
        <translation>Envoi du dossier à l&apos;imprimante…</translation>
    </message>
    <message>
        <source>Select a document in the list first.</source>
        <translation>Choisissez d&apos;abord un document dans la liste.</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
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
        <source>Create and use this profile</source>
        <translation>Créer et utiliser ce profil</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Nouveau profil…</translation>
    </message>
    <message>
        <source>This profile no longer exists.</source>
        <translation>Ce profil n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>ReaderWidget</name>
    <message>
        <source>Document title</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Références du document</translation>
    </message>
    <message>
        <source>Version shown</source>
        <translation>Version affichée</translation>
    </message>
    <message>
        <source>Choose the version to read</source>
        <translation>Choisir la version à lire</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version :</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texte plus petit (Ctrl+-)</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>Texte plus grand (Ctrl++)</translation>
    </message>
    <message>
        <source>Find in the document (F3 or Ctrl+Shift+F)</source>
        <translation>Rechercher dans le document (F3 ou Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Table des matières</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Texte du document</translation>
    </message>
    <message>
        <source>Find in the document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <source>Find in the document…</source>
        <translation>Rechercher dans le document…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Résultat précédent (Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Résultat suivant (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Aucun document ouvert.</translation>
    </message>
    <message>
        <source>version {number} of {count}, {date}</source>
        <translation>version {number} sur {count}, du {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Version {number} — {date}</source>
        <translation>Version {number} — {date}</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(actuelle)</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Page {number}</translation>
    </message>
    <message>
        <source>(resolved)</source>
        <translation>(résolue)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>{current} sur {count}</translation>
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
    <name>SearchPanel</name>
    <message>
        <source>Search: words, &quot;exact phrase&quot;, -excluded</source>
        <translation>Rechercher : mots, « phrase exacte » entre guillemets, -exclu</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Dossier metadata</source>
        <translation>Fiches des dossiers</translation>
    </message>
    <message>
        <source>Current session only</source>
        <translation>Session courante seulement</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source> (best {n} shown)</source>
        <translation> (les {n} meilleurs affichés)</translation>
    </message>
    <message>
        <source>No result.</source>
        <translation>Aucun résultat.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>{ref} — {title} ({count})</source>
        <translation>{ref} — {title} ({count})</translation>
    </message>
    <message>
        <source>Dossier metadata</source>
        <translation>Fiches des dossiers</translation>
    </message>
    <message>
        <source>Annotation — {title}</source>
        <translation>Annotation — {title}</translation>
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
<context>
    <name>SystemPrintDialog</name>
    <message>
        <source>Print the pack</source>
        <translation>Imprimer le dossier</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Exemplaires</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Imprimante :</translation>
    </message>
    <message>
        <source>&amp;Copies of this copy:</source>
        <translation>&amp;Tirages de cet exemplaire :</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>P&amp;apier :</translation>
    </message>
    <message>
        <source>The PDF itself is sent to the printer (text and fonts kept). This is copy no. %1.</source>
        <translation>Le PDF lui-même est envoyé à l&apos;imprimante (texte et polices conservés). Il s&apos;agit de l&apos;exemplaire n° %1.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Print as page images (Qt, fallback)…</source>
        <translation>Imprimer en images de pages (Qt, solution de repli)…</translation>
    </message>
    <message>
        <source>The system&apos;s print service (CUPS) is not available on this computer.</source>
        <translation>Le service d&apos;impression du système (CUPS) n&apos;est pas disponible sur ce poste.</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (par défaut)</translation>
    </message>
    <message>
        <source>The print service has no printer.</source>
        <translation>Le service d&apos;impression n&apos;a aucune imprimante.</translation>
    </message>
    <message>
        <source>You can still print page images through Qt, or export the PDF.</source>
        <translation>Vous pouvez encore imprimer des images de pages par Qt, ou exporter le PDF.</translation>
    </message>
    <message>
        <source>Printer&apos;s default</source>
        <translation>Réglage de l&apos;imprimante</translation>
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

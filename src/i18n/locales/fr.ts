
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0} : ${1}`,
's04de27f32d6ea958': `Rien n’a changé depuis votre dernier enregistrement.`,
's07fd7df52fd695cf': `Télécharger un reçu de vos choix (JSON)`,
's09fa97b548988f66': `M’envoyer un accusé de réception de cette demande`,
's0ea176c7940198ab': `Impossible de joindre le service de consentement. Vérifiez votre connexion et réessayez.`,
's17abf67f1970a790': `Enregistrer mes choix`,
's1be0c2529780107a': `Envoyer la demande`,
's22af9e8c47924066': `Ce contenu ne vous est pas accessible.`,
's23c76543a8cd41d5': `Demander une copie de mes données`,
's277f8f4ab318c158': `En attente d’approbation.`,
's29cff8bbaa472710': `Demander la suppression de vos données ?`,
's2c8189544e3ea679': `Réessayer`,
's2ceb11be2290bb1b': `Annuler`,
's2dc87e6f00cef9eb': `Le service de consentement est occupé. Vos choix sont conservés sur cet appareil et seront envoyés sous peu.`,
's2ee366cbb0141712': `Autoriser`,
's329965d4ce686882': str`Base légale : ${0}.`,
's35965c464395e7f4': `Chargement de vos choix…`,
's381abd94d77446ee': `Tout accepter`,
's40e1bf8bb7abfa1e': `Traité sur la base de l’intérêt légitime, et non de votre consentement.`,
's55f65b828cb9775a': `Il n’y a rien à choisir ici pour le moment.`,
's5fb03a2c6d05c053': str`Données sensibles : ${0}`,
's6762732216039029': `Vos consentements`,
's6daa8404350c0099': str`Donné le ${0}.`,
's79ac8a82b638bfce': `Vos choix n’ont pas pu être chargés.`,
's856e7352ed95d86b': `Votre opposition sera envoyée à l’enregistrement.`,
's86757ff5072d8165': `Le service de consentement a envoyé une réponse illisible. Veuillez réessayer plus tard.`,
's8a7e29b2b2ce5357': `Demander une copie de vos données ?`,
's91193d37aa331658': `Un problème est survenu dans ce formulaire de consentement. Veuillez réessayer plus tard.`,
's92b138d55868dfff': str`Enregistré via ${0}.`,
's94b81596e39e88d0': `Vos choix sont conservés sur cet appareil et seront envoyés dès le retour de la connexion.`,
'sa063e7bd500bc761': `Le service de consentement a rencontré un problème. Veuillez réessayer.`,
'saae27daa01eb2429': `Ce service de consentement ne permet pas cette action.`,
'saaf5f4adb1e163e4': `Une demande ouvre un dossier chez nous. Vos données ne sont pas affichées ici : vous aurez de nos nouvelles une fois la demande traitée.`,
'sb060188bb28bfa9f': `Enregistrement…`,
'sb2d21d51721eb040': `Vous n’êtes pas connecté ou votre session a expiré. Connectez-vous et réessayez.`,
'sb8e6955fabc6cdc6': str`Partagé avec ${0}`,
'sc0c2f4fbf35d5974': `Votre demande n’a pas pu être envoyée.`,
'sc3b1e304a9b4175e': `Le service de consentement a mis trop de temps à répondre. Veuillez réessayer.`,
'scb26f68c167a890c': `Comment retirer votre consentement`,
'sceb46baf6bb4257d': `Données sensibles`,
'sd6bc8111f72c2caa': str`Traité sur la base de l’intérêt légitime depuis le ${0}, et non de votre consentement.`,
'sdb45bbf919fc3f04': `M’opposer à ce traitement`,
'se3a5767fed803ac0': str`Retiré le ${0}.`,
'se5715d31a4911e92': `Une fois la demande traitée, les données que nous détenons sur vous sont supprimées.`,
'se614b41e691fe089': `Vos choix n’ont pas été enregistrés.`,
'se7c722fac190e0ca': `Ce formulaire de consentement n’est pas correctement configuré.`,
'se9175c242a24ef47': `Vos choix sont enregistrés.`,
'sea2962763976ca4f': `En savoir plus`,
'seecccc4417d865ea': `Votre demande a été envoyée.`,
'sef0cf928fc7dc23b': `Le service de consentement est très sollicité en ce moment. Réessayez dans un instant.`,
'sf5d2ad965448a50b': str`Données : ${0}`,
'sf993bb199fefbe04': `Tout`,
'sfb5cd72ffdee7e49': `Tout refuser`,
'sfe6adeb5b736cb5c': `Demander la suppression de mes données`,
    };
  
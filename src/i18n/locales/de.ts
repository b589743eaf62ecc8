
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Seit dem letzten Speichern hat sich nichts geändert.`,
's07fd7df52fd695cf': `Eine Quittung Ihrer Auswahl herunterladen (JSON)`,
's09fa97b548988f66': `Schicken Sie mir eine Bestätigung dieser Anfrage`,
's0ea176c7940198ab': `Der Einwilligungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.`,
's17abf67f1970a790': `Auswahl speichern`,
's1be0c2529780107a': `Anfrage senden`,
's22af9e8c47924066': `Dieser Inhalt ist für Sie nicht verfügbar.`,
's23c76543a8cd41d5': `Kopie meiner Daten anfordern`,
's277f8f4ab318c158': `Wartet auf Freigabe.`,
's29cff8bbaa472710': `Löschung Ihrer Daten beantragen?`,
's2c8189544e3ea679': `Erneut versuchen`,
's2ceb11be2290bb1b': `Abbrechen`,
's2dc87e6f00cef9eb': `Der Einwilligungsdienst ist ausgelastet. Ihre Auswahl ist auf diesem Gerät gespeichert und wird in Kürze gesendet.`,
's2ee366cbb0141712': `Erlauben`,
's329965d4ce686882': str`Rechtsgrundlage: ${0}.`,
's35965c464395e7f4': `Ihre Auswahl wird geladen …`,
's381abd94d77446ee': `Alle akzeptieren`,
's40e1bf8bb7abfa1e': `Auf Grundlage berechtigten Interesses verarbeitet, nicht Ihrer Einwilligung.`,
's55f65b828cb9775a': `Hier gibt es gerade nichts auszuwählen.`,
's5fb03a2c6d05c053': str`Sensible Daten: ${0}`,
's6762732216039029': `Ihre Einwilligungen`,
's6daa8404350c0099': str`Erteilt am ${0}.`,
's79ac8a82b638bfce': `Ihre Auswahl konnte nicht geladen werden.`,
's856e7352ed95d86b': `Ihr Widerspruch wird beim Speichern gesendet.`,
's86757ff5072d8165': `Der Einwilligungsdienst hat eine Antwort gesendet, die wir nicht lesen konnten. Bitte versuchen Sie es später erneut.`,
's8a7e29b2b2ce5357': `Kopie Ihrer Daten anfordern?`,
's91193d37aa331658': `In diesem Einwilligungsformular ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.`,
's92b138d55868dfff': str`Erfasst über ${0}.`,
's94b81596e39e88d0': `Ihre Auswahl ist auf diesem Gerät gespeichert und wird gesendet, sobald die Verbindung wieder da ist.`,
'sa063e7bd500bc761': `Beim Einwilligungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es erneut.`,
'saae27daa01eb2429': `Dieser Einwilligungsdienst unterstützt das nicht.`,
'saaf5f4adb1e163e4': `Eine Anfrage eröffnet bei uns einen Vorgang. Ihre Daten werden hier nicht angezeigt: Sie hören von uns, sobald die Anfrage bearbeitet ist.`,
'sb060188bb28bfa9f': `Wird gespeichert …`,
'sb2d21d51721eb040': `Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Melden Sie sich an und versuchen Sie es erneut.`,
'sb8e6955fabc6cdc6': str`Weitergabe an ${0}`,
'sc0c2f4fbf35d5974': `Ihre Anfrage konnte nicht gesendet werden.`,
'sc3b1e304a9b4175e': `Der Einwilligungsdienst hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.`,
'scb26f68c167a890c': `So widerrufen Sie`,
'sceb46baf6bb4257d': `Sensible Daten`,
'sd6bc8111f72c2caa': str`Seit ${0} auf Grundlage berechtigten Interesses verarbeitet, nicht Ihrer Einwilligung.`,
'sdb45bbf919fc3f04': `Dieser Verarbeitung widersprechen`,
'se3a5767fed803ac0': str`Widerrufen am ${0}.`,
'se5715d31a4911e92': `Sobald sie bearbeitet ist, werden die Daten gelöscht, die wir über Sie haben.`,
'se614b41e691fe089': `Ihre Auswahl wurde nicht gespeichert.`,
'se7c722fac190e0ca': `Dieses Einwilligungsformular ist nicht richtig eingerichtet.`,
'se9175c242a24ef47': `Ihre Auswahl ist gespeichert.`,
'sea2962763976ca4f': `Mehr dazu`,
'seecccc4417d865ea': `Ihre Anfrage wurde gesendet.`,
'sef0cf928fc7dc23b': `Der Einwilligungsdienst ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.`,
'sf5d2ad965448a50b': str`Daten: ${0}`,
'sf993bb199fefbe04': `Alle`,
'sfb5cd72ffdee7e49': `Alle ablehnen`,
'sfe6adeb5b736cb5c': `Löschung meiner Daten beantragen`,
    };
  
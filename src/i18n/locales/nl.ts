
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Er is niets veranderd sinds je laatst hebt opgeslagen.`,
's07fd7df52fd695cf': `Een ontvangstbewijs van uw keuzes downloaden (JSON)`,
's09fa97b548988f66': `Stuur mij een bevestiging van dit verzoek`,
's0ea176c7940198ab': `We konden de toestemmingsdienst niet bereiken. Controleer je verbinding en probeer het opnieuw.`,
's17abf67f1970a790': `Keuzes opslaan`,
's1be0c2529780107a': `Verzoek versturen`,
's22af9e8c47924066': `Deze inhoud is niet beschikbaar voor jou.`,
's23c76543a8cd41d5': `Een kopie van mijn gegevens aanvragen`,
's277f8f4ab318c158': `Wacht op goedkeuring.`,
's29cff8bbaa472710': `Vragen om uw gegevens te verwijderen?`,
's2c8189544e3ea679': `Opnieuw proberen`,
's2ceb11be2290bb1b': `Annuleren`,
's2dc87e6f00cef9eb': `De toestemmingsdienst is bezet. Je keuzes worden op dit apparaat bewaard en zo meteen verzonden.`,
's2ee366cbb0141712': `Toestaan`,
's329965d4ce686882': str`Rechtsgrond: ${0}.`,
's35965c464395e7f4': `Je keuzes worden geladen…`,
's381abd94d77446ee': `Alles accepteren`,
's40e1bf8bb7abfa1e': `Verwerkt op grond van gerechtvaardigd belang, niet op basis van uw toestemming.`,
's55f65b828cb9775a': `Er is hier nu niets te kiezen.`,
's5fb03a2c6d05c053': str`Gevoelige gegevens: ${0}`,
's6762732216039029': `Uw toestemmingen`,
's6daa8404350c0099': str`Gegeven op ${0}.`,
's79ac8a82b638bfce': `Je keuzes konden niet worden geladen.`,
's856e7352ed95d86b': `Uw bezwaar wordt verzonden wanneer u opslaat.`,
's86757ff5072d8165': `De toestemmingsdienst stuurde een antwoord dat we niet konden lezen. Probeer het later opnieuw.`,
's8a7e29b2b2ce5357': `Een kopie van uw gegevens aanvragen?`,
's91193d37aa331658': `Er ging iets mis in dit toestemmingsformulier. Probeer het later opnieuw.`,
's92b138d55868dfff': str`Vastgelegd via ${0}.`,
's94b81596e39e88d0': `Je keuzes worden op dit apparaat bewaard en verstuurd zodra de verbinding terug is.`,
'sa063e7bd500bc761': `De toestemmingsdienst had een probleem. Probeer het opnieuw.`,
'saae27daa01eb2429': `Deze toestemmingsdienst kan dat niet.`,
'saaf5f4adb1e163e4': `Een verzoek opent een zaak bij ons. Uw gegevens worden hier niet getoond: u hoort van ons zodra het verzoek is afgehandeld.`,
'sb060188bb28bfa9f': `Opslaan…`,
'sb2d21d51721eb040': `Je bent niet ingelogd of je sessie is verlopen. Log in en probeer het opnieuw.`,
'sb8e6955fabc6cdc6': str`Gedeeld met ${0}`,
'sc0c2f4fbf35d5974': `Uw verzoek kon niet worden verstuurd.`,
'sc3b1e304a9b4175e': `De toestemmingsdienst deed er te lang over om te antwoorden. Probeer het opnieuw.`,
'scb26f68c167a890c': `Zo trekt u uw toestemming in`,
'sceb46baf6bb4257d': `Gevoelige gegevens`,
'sd6bc8111f72c2caa': str`Sinds ${0} verwerkt op grond van gerechtvaardigd belang, niet op basis van uw toestemming.`,
'sdb45bbf919fc3f04': `Bezwaar maken tegen deze verwerking`,
'se3a5767fed803ac0': str`Ingetrokken op ${0}.`,
'se5715d31a4911e92': `Zodra het is afgehandeld, worden de gegevens die wij over u hebben verwijderd.`,
'se614b41e691fe089': `Je keuzes zijn niet opgeslagen.`,
'se7c722fac190e0ca': `Dit toestemmingsformulier is niet goed ingesteld.`,
'se9175c242a24ef47': `Je keuzes zijn opgeslagen.`,
'sea2962763976ca4f': `Meer hierover`,
'seecccc4417d865ea': `Uw verzoek is verstuurd.`,
'sef0cf928fc7dc23b': `De toestemmingsdienst is nu druk. Probeer het zo opnieuw.`,
'sf5d2ad965448a50b': str`Gegevens: ${0}`,
'sf993bb199fefbe04': `Alles`,
'sfb5cd72ffdee7e49': `Alles weigeren`,
'sfe6adeb5b736cb5c': `Vragen om mijn gegevens te verwijderen`,
    };
  
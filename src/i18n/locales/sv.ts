
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Inget har ändrats sedan du sparade senast.`,
's07fd7df52fd695cf': `Ladda ner ett kvitto på dina val (JSON)`,
's09fa97b548988f66': `Skicka mig ett kvitto på begäran`,
's0ea176c7940198ab': `Vi kunde inte nå samtyckestjänsten. Kontrollera anslutningen och försök igen.`,
's17abf67f1970a790': `Spara val`,
's1be0c2529780107a': `Skicka begäran`,
's22af9e8c47924066': `Det här innehållet är inte tillgängligt för dig.`,
's23c76543a8cd41d5': `Begär en kopia av mina uppgifter`,
's277f8f4ab318c158': `Väntar på godkännande.`,
's29cff8bbaa472710': `Begära att dina uppgifter raderas?`,
's2c8189544e3ea679': `Försök igen`,
's2ceb11be2290bb1b': `Avbryt`,
's2dc87e6f00cef9eb': `Samtyckestjänsten är upptagen. Dina val sparas på den här enheten och skickas snart.`,
's2ee366cbb0141712': `Tillåt`,
's329965d4ce686882': str`Rättslig grund: ${0}.`,
's35965c464395e7f4': `Läser in dina val …`,
's381abd94d77446ee': `Godkänn alla`,
's40e1bf8bb7abfa1e': `Behandlas med stöd av berättigat intresse, inte ditt samtycke.`,
's55f65b828cb9775a': `Det finns inget att välja här just nu.`,
's5fb03a2c6d05c053': str`Känsliga uppgifter: ${0}`,
's6762732216039029': `Dina samtycken`,
's6daa8404350c0099': str`Lämnat ${0}.`,
's79ac8a82b638bfce': `Dina val kunde inte läsas in.`,
's856e7352ed95d86b': `Din invändning skickas när du sparar.`,
's86757ff5072d8165': `Samtyckestjänsten skickade ett svar som vi inte kunde läsa. Försök igen senare.`,
's8a7e29b2b2ce5357': `Begära en kopia av dina uppgifter?`,
's91193d37aa331658': `Något gick fel i det här samtyckesformuläret. Försök igen senare.`,
's92b138d55868dfff': str`Registrerat via ${0}.`,
's94b81596e39e88d0': `Dina val sparas på den här enheten och skickas så snart anslutningen är tillbaka.`,
'sa063e7bd500bc761': `Samtyckestjänsten hade ett problem. Försök igen.`,
'saae27daa01eb2429': `Den här samtyckestjänsten kan inte göra det.`,
'saaf5f4adb1e163e4': `En begäran öppnar ett ärende hos oss. Dina uppgifter visas inte här: du hör av oss när begäran är behandlad.`,
'sb060188bb28bfa9f': `Sparar …`,
'sb2d21d51721eb040': `Du är inte inloggad, eller så har sessionen gått ut. Logga in och försök igen.`,
'sb8e6955fabc6cdc6': str`Delas med ${0}`,
'sc0c2f4fbf35d5974': `Din begäran kunde inte skickas.`,
'sc3b1e304a9b4175e': `Samtyckestjänsten tog för lång tid att svara. Försök igen.`,
'scb26f68c167a890c': `Så återkallar du samtycket`,
'sceb46baf6bb4257d': `Känsliga uppgifter`,
'sd6bc8111f72c2caa': str`Behandlas med stöd av berättigat intresse sedan ${0}, inte ditt samtycke.`,
'sdb45bbf919fc3f04': `Invänd mot denna behandling`,
'se3a5767fed803ac0': str`Återkallat ${0}.`,
'se5715d31a4911e92': `När den är behandlad raderas de uppgifter vi har om dig.`,
'se614b41e691fe089': `Dina val sparades inte.`,
'se7c722fac190e0ca': `Det här samtyckesformuläret är inte rätt inställt.`,
'se9175c242a24ef47': `Dina val är sparade.`,
'sea2962763976ca4f': `Mer om detta`,
'seecccc4417d865ea': `Din begäran har skickats.`,
'sef0cf928fc7dc23b': `Samtyckestjänsten är upptagen just nu. Försök igen om en stund.`,
'sf5d2ad965448a50b': str`Uppgifter: ${0}`,
'sf993bb199fefbe04': `Alla`,
'sfb5cd72ffdee7e49': `Avvisa alla`,
'sfe6adeb5b736cb5c': `Begär att mina uppgifter raderas`,
    };
  
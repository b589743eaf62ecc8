
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's04de27f32d6ea958': `Inget har ändrats sedan du sparade senast.`,
's0ea176c7940198ab': `Vi kunde inte nå samtyckestjänsten. Kontrollera anslutningen och försök igen.`,
's17abf67f1970a790': `Spara val`,
's2c8189544e3ea679': `Försök igen`,
's35965c464395e7f4': `Läser in dina val …`,
's381abd94d77446ee': `Godkänn alla`,
's55f65b828cb9775a': `Det finns inget att välja här just nu.`,
's79ac8a82b638bfce': `Dina val kunde inte läsas in.`,
's86757ff5072d8165': `Samtyckestjänsten skickade ett svar som vi inte kunde läsa. Försök igen senare.`,
'sa063e7bd500bc761': `Samtyckestjänsten hade ett problem. Försök igen.`,
'saae27daa01eb2429': `Den här samtyckestjänsten kan inte göra det.`,
'sb060188bb28bfa9f': `Sparar …`,
'sb2d21d51721eb040': `Du är inte inloggad, eller så har sessionen gått ut. Logga in och försök igen.`,
'sc3b1e304a9b4175e': `Samtyckestjänsten tog för lång tid att svara. Försök igen.`,
'se614b41e691fe089': `Dina val sparades inte.`,
'se7c722fac190e0ca': `Det här samtyckesformuläret är inte rätt inställt.`,
'se9175c242a24ef47': `Dina val är sparade.`,
'se9fa20ae22c03e65': str`Alla i ${0}`,
'sef0cf928fc7dc23b': `Samtyckestjänsten är upptagen just nu. Försök igen om en stund.`,
'sf993bb199fefbe04': `Alla`,
'sfb5cd72ffdee7e49': `Avvisa alla`,
    };
  

    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Mikään ei ole muuttunut edellisen tallennuksen jälkeen.`,
's07fd7df52fd695cf': `Lataa kuitti valinnoistasi (JSON)`,
's09fa97b548988f66': `Lähetä minulle kuitti tästä pyynnöstä`,
's0ea176c7940198ab': `Suostumuspalveluun ei saatu yhteyttä. Tarkista yhteys ja yritä uudelleen.`,
's17abf67f1970a790': `Tallenna valinnat`,
's1be0c2529780107a': `Lähetä pyyntö`,
's22af9e8c47924066': `Tämä sisältö ei ole saatavilla sinulle.`,
's23c76543a8cd41d5': `Pyydä kopio tiedoistani`,
's277f8f4ab318c158': `Odottaa hyväksyntää.`,
's29cff8bbaa472710': `Pyydetäänkö tietojesi poistamista?`,
's2c8189544e3ea679': `Yritä uudelleen`,
's2ceb11be2290bb1b': `Peruuta`,
's2dc87e6f00cef9eb': `Suostumuspalvelu on kiireinen. Valintasi on tallennettu tälle laitteelle ja lähetetään pian.`,
's2ee366cbb0141712': `Salli`,
's329965d4ce686882': str`Oikeusperuste: ${0}.`,
's35965c464395e7f4': `Ladataan valintojasi…`,
's381abd94d77446ee': `Hyväksy kaikki`,
's40e1bf8bb7abfa1e': `Käsitellään oikeutetun edun perusteella, ei suostumuksesi perusteella.`,
's55f65b828cb9775a': `Täällä ei ole juuri nyt mitään valittavaa.`,
's5fb03a2c6d05c053': str`Arkaluonteiset tiedot: ${0}`,
's6762732216039029': `Suostumuksesi`,
's6daa8404350c0099': str`Annettu ${0}.`,
's79ac8a82b638bfce': `Valintojasi ei voitu ladata.`,
's856e7352ed95d86b': `Vastustuksesi lähetetään, kun tallennat.`,
's86757ff5072d8165': `Suostumuspalvelu lähetti vastauksen, jota emme pystyneet lukemaan. Yritä myöhemmin uudelleen.`,
's8a7e29b2b2ce5357': `Pyydetäänkö kopio tiedoistasi?`,
's91193d37aa331658': `Tässä suostumuslomakkeessa tapahtui virhe. Yritä myöhemmin uudelleen.`,
's92b138d55868dfff': str`Kirjattu: ${0}.`,
's94b81596e39e88d0': `Valintasi on tallennettu tälle laitteelle, ja ne lähetetään heti, kun yhteys palaa.`,
'sa063e7bd500bc761': `Suostumuspalvelussa oli ongelma. Yritä uudelleen.`,
'saae27daa01eb2429': `Tämä suostumuspalvelu ei pysty siihen.`,
'saaf5f4adb1e163e4': `Pyyntö avaa meillä asian käsittelyyn. Tietojasi ei näytetä tässä: kuulet meistä, kun pyyntö on käsitelty.`,
'sb060188bb28bfa9f': `Tallennetaan…`,
'sb2d21d51721eb040': `Et ole kirjautunut sisään tai istuntosi on päättynyt. Kirjaudu sisään ja yritä uudelleen.`,
'sb8e6955fabc6cdc6': str`Jaetaan taholle ${0}`,
'sc0c2f4fbf35d5974': `Pyyntöäsi ei voitu lähettää.`,
'sc3b1e304a9b4175e': `Suostumuspalvelu vastasi liian hitaasti. Yritä uudelleen.`,
'scb26f68c167a890c': `Näin perut suostumuksen`,
'sceb46baf6bb4257d': `Arkaluonteiset tiedot`,
'sd6bc8111f72c2caa': str`Käsitellään oikeutetun edun perusteella ${0} alkaen, ei suostumuksesi perusteella.`,
'sdb45bbf919fc3f04': `Vastusta tätä käsittelyä`,
'se3a5767fed803ac0': str`Peruttu ${0}.`,
'se5715d31a4911e92': `Kun pyyntö on käsitelty, sinusta säilyttämämme tiedot poistetaan.`,
'se614b41e691fe089': `Valintojasi ei tallennettu.`,
'se7c722fac190e0ca': `Tätä suostumuslomaketta ei ole määritetty oikein.`,
'se9175c242a24ef47': `Valintasi on tallennettu.`,
'sea2962763976ca4f': `Lisätietoja`,
'seecccc4417d865ea': `Pyyntösi on lähetetty.`,
'sef0cf928fc7dc23b': `Suostumuspalvelu on juuri nyt kiireinen. Yritä hetken kuluttua uudelleen.`,
'sf5d2ad965448a50b': str`Tiedot: ${0}`,
'sf993bb199fefbe04': `Kaikki`,
'sfb5cd72ffdee7e49': `Hylkää kaikki`,
'sfe6adeb5b736cb5c': `Pyydä tietojeni poistamista`,
    };
  

    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `No ha cambiado nada desde la última vez que guardaste.`,
's07fd7df52fd695cf': `Descargar un comprobante de sus opciones (JSON)`,
's09fa97b548988f66': `Enviarme un justificante de esta solicitud`,
's0ea176c7940198ab': `No hemos podido conectar con el servicio de consentimiento. Comprueba la conexión y vuelve a intentarlo.`,
's17abf67f1970a790': `Guardar selección`,
's1be0c2529780107a': `Enviar solicitud`,
's22af9e8c47924066': `Este contenido no está disponible para ti.`,
's23c76543a8cd41d5': `Solicitar una copia de mis datos`,
's277f8f4ab318c158': `Pendiente de aprobación.`,
's29cff8bbaa472710': `¿Pedir que se borren sus datos?`,
's2c8189544e3ea679': `Reintentar`,
's2ceb11be2290bb1b': `Cancelar`,
's2dc87e6f00cef9eb': `El servicio de consentimiento está ocupado. Tus elecciones se guardan en este dispositivo y se enviarán en breve.`,
's2ee366cbb0141712': `Permitir`,
's329965d4ce686882': str`Base jurídica: ${0}.`,
's35965c464395e7f4': `Cargando tu selección…`,
's381abd94d77446ee': `Aceptar todo`,
's40e1bf8bb7abfa1e': `Tratado por interés legítimo, no por su consentimiento.`,
's55f65b828cb9775a': `Ahora mismo no hay nada que elegir aquí.`,
's5fb03a2c6d05c053': str`Datos sensibles: ${0}`,
's6762732216039029': `Sus consentimientos`,
's6daa8404350c0099': str`Otorgado el ${0}.`,
's79ac8a82b638bfce': `No se ha podido cargar tu selección.`,
's856e7352ed95d86b': `Su oposición se enviará al guardar.`,
's86757ff5072d8165': `El servicio de consentimiento ha enviado una respuesta que no hemos podido leer. Vuelve a intentarlo más tarde.`,
's8a7e29b2b2ce5357': `¿Solicitar una copia de sus datos?`,
's91193d37aa331658': `Algo ha fallado en este formulario de consentimiento. Inténtalo de nuevo más tarde.`,
's92b138d55868dfff': str`Registrado mediante ${0}.`,
's94b81596e39e88d0': `Tu selección se guarda en este dispositivo y se enviará en cuanto vuelva la conexión.`,
'sa063e7bd500bc761': `El servicio de consentimiento ha tenido un problema. Vuelve a intentarlo.`,
'saae27daa01eb2429': `Este servicio de consentimiento no permite hacer eso.`,
'saaf5f4adb1e163e4': `Una solicitud abre un caso con nosotros. Sus datos no se muestran aquí: le contactaremos cuando se haya tramitado.`,
'sb060188bb28bfa9f': `Guardando…`,
'sb2d21d51721eb040': `No has iniciado sesión o tu sesión ha caducado. Inicia sesión y vuelve a intentarlo.`,
'sb8e6955fabc6cdc6': str`Se comparte con ${0}`,
'sc0c2f4fbf35d5974': `No se ha podido enviar su solicitud.`,
'sc3b1e304a9b4175e': `El servicio de consentimiento ha tardado demasiado en responder. Vuelve a intentarlo.`,
'scb26f68c167a890c': `Cómo retirar el consentimiento`,
'sceb46baf6bb4257d': `Datos sensibles`,
'sd6bc8111f72c2caa': str`Tratado por interés legítimo desde el ${0}, no por su consentimiento.`,
'sdb45bbf919fc3f04': `Oponerme a este tratamiento`,
'se3a5767fed803ac0': str`Retirado el ${0}.`,
'se5715d31a4911e92': `Una vez tramitada, se borran los datos que tenemos sobre usted.`,
'se614b41e691fe089': `No se ha guardado tu selección.`,
'se7c722fac190e0ca': `Este formulario de consentimiento no está bien configurado.`,
'se9175c242a24ef47': `Tu selección se ha guardado.`,
'sea2962763976ca4f': `Más información`,
'seecccc4417d865ea': `Su solicitud se ha enviado.`,
'sef0cf928fc7dc23b': `El servicio de consentimiento está ocupado ahora mismo. Vuelve a intentarlo en un momento.`,
'sf5d2ad965448a50b': str`Datos: ${0}`,
'sf993bb199fefbe04': `Todo`,
'sfb5cd72ffdee7e49': `Rechazar todo`,
'sfe6adeb5b736cb5c': `Pedir que se borren mis datos`,
    };
  
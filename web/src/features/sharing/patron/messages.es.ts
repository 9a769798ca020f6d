import type { sharingPatronEn } from './messages.en.ts';

/** Mensajes en español de la página pública de solicitudes y de su configuración. */
export const sharingPatronEs: Record<keyof typeof sharingPatronEn, string> = {
  // Configuración (personal)
  'illPatron.settings.title': 'Página de solicitudes para usuarios',
  'illPatron.settings.lead':
    'Una página pública donde sus usuarios piden libros y artículos con su tarjeta de la biblioteca. Cada solicitud espera su revisión antes de ir a otra biblioteca.',
  'illPatron.settings.link': 'Configuración de la página de solicitudes para usuarios',
  'illPatron.settings.adminOnly':
    'Solo los administradores de su biblioteca pueden cambiar esta configuración.',
  'illPatron.settings.saved': 'Se guardó la configuración de la página de solicitudes.',
  'illPatron.settings.enabled': 'Activar la página de solicitudes',
  'illPatron.settings.address': 'Dirección de su página: {url}',
  'illPatron.settings.previewTitle': 'Su página pública',
  'illPatron.settings.preview': 'Abrir la página pública',
  'illPatron.settings.previewOff':
    'La página está desactivada: a quien abra su dirección se le informa que no está disponible.',
  'illPatron.settings.cardTitle': 'Números de tarjeta de la biblioteca',
  'illPatron.settings.cardPrefix': 'Los números de tarjeta empiezan con',
  'illPatron.settings.cardPrefixHint':
    'Letras y dígitos, por ejemplo 2100 o TX. Déjelo vacío para aceptar cualquiera.',
  'illPatron.settings.cardMin': 'Número de tarjeta más corto (caracteres)',
  'illPatron.settings.cardMax': 'Número de tarjeta más largo (caracteres)',
  'illPatron.settings.pickup': 'Lugares de recogida',
  'illPatron.settings.pickupHint':
    'Uno por línea. Los usuarios eligen uno; déjelo vacío para no ofrecer opciones.',
  'illPatron.settings.allowCopies': 'Aceptar solicitudes de copias de artículos',
  'illPatron.settings.introEn': 'Introducción en inglés',
  'illPatron.settings.introEs': 'Introducción en español',
  'illPatron.settings.introHint':
    'Se muestra sobre el formulario, por ejemplo qué se puede pedir y cuánto tarda.',
  'illPatron.settings.save': 'Guardar la página de solicitudes',
  'illPatron.settings.number': 'Escriba un número entero del 1 al 40.',
  'illPatron.settings.range': 'No puede ser menor que la longitud más corta.',
  'illPatron.settings.prefixChars': 'Use solo letras y dígitos.',
  'illPatron.settings.choose': 'Elija una biblioteca para ver la configuración de su página de solicitudes.',

  // Página pública
  'illPatron.title': 'Pida a {library} un libro o un artículo',
  'illPatron.lead':
    'Si {library} no tiene lo que necesita, pedimos a otra biblioteca miembro que lo preste. El personal revisa cada solicitud primero.',
  'illPatron.unavailableTitle': 'Esta página de solicitudes no está disponible',
  'illPatron.unavailable':
    'La biblioteca no activó su página de solicitudes, o la dirección no es correcta. Pregunte al personal de la biblioteca cómo pedir materiales de otras bibliotecas.',
  'illPatron.home': 'Ir a la página de inicio',
  'illPatron.whatTitle': 'Lo que necesita',
  'illPatron.serviceType': 'Tipo de solicitud',
  'illPatron.loan': 'Un libro u otro material en préstamo',
  'illPatron.copy': 'Una copia de un artículo o capítulo',
  'illPatron.loanOnly': 'Esta página recibe solicitudes de libros y otros materiales en préstamo.',
  'illPatron.field.title': 'Título',
  'illPatron.field.journal': 'Título de la revista o del libro',
  'illPatron.field.author': 'Autor',
  'illPatron.field.articleTitle': 'Título del artículo o capítulo',
  'illPatron.field.articleAuthor': 'Autor del artículo',
  'illPatron.field.isbn': 'ISBN',
  'illPatron.field.issn': 'ISSN',
  'illPatron.field.year': 'Año',
  'illPatron.field.volume': 'Volumen',
  'illPatron.field.issue': 'Número',
  'illPatron.field.pages': 'Páginas',
  'illPatron.field.needBefore': 'No lo necesito después del',
  'illPatron.field.needBeforeHint': 'Si ya no lo necesitará después de una fecha, indíquela.',
  'illPatron.field.pickup': 'Lugar de recogida',
  'illPatron.youTitle': 'Sus datos',
  'illPatron.youHint': 'Los usamos solo para esta solicitud, para verificar su tarjeta y para escribirle.',
  'illPatron.field.name': 'Su nombre',
  'illPatron.field.cardNumber': 'Número de tarjeta de la biblioteca',
  'illPatron.field.cardHintPrefix': 'Empieza con {prefix}; de {min} a {max} letras o dígitos.',
  'illPatron.field.cardHint': 'De {min} a {max} letras o dígitos.',
  'illPatron.field.email': 'Correo electrónico',
  'illPatron.field.locale': 'Idioma de nuestros correos',
  'illPatron.privacyTitle': 'Su privacidad',
  'illPatron.consent':
    'Acepto que la biblioteca guarde mi nombre, número de tarjeta y correo para atender esta solicitud. No se muestran a la biblioteca que presta y se borran {days} días después de que termine la solicitud.',
  'illPatron.honeypot': 'Deje este campo vacío',
  'illPatron.submit': 'Enviar mi solicitud',
  'illPatron.sending': 'Enviando…',
  'illPatron.rateLimited':
    'Se enviaron demasiadas solicitudes desde aquí o con esta tarjeta en la última hora. Inténtelo más tarde o pregunte al personal de la biblioteca.',
  'illPatron.doneTitle': 'Se envió su solicitud',
  'illPatron.doneReference': 'Su número de referencia es {reference}.',
  'illPatron.doneEmail':
    'Enviamos una confirmación a {email}. El personal de la biblioteca revisará su solicitud y le escribirá cuando llegue.',
  'illPatron.another': 'Pedir otra cosa',
  'illPatron.problem.required': 'Complete este campo.',
  'illPatron.problem.email': 'Escriba un correo como nombre@ejemplo.com.',
  'illPatron.problem.consent': 'Acepte cómo guardamos sus datos, o pregunte al personal de la biblioteca.',
  'illPatron.problem.characters': 'Use solo letras y dígitos.',
  'illPatron.problem.prefix': 'Su número de tarjeta empieza con {prefix}.',
  'illPatron.problem.short': 'Su número de tarjeta tiene al menos {min} caracteres.',
  'illPatron.problem.long': 'Su número de tarjeta tiene como máximo {max} caracteres.',
  'illPatron.problem.pickup': 'Elija un lugar de recogida.',
  'illPatron.problem.past': 'Elija una fecha a partir de hoy.',

  // Página de la solicitud (personal)
  'illPatron.cardNumber': 'Número de tarjeta de la biblioteca',
};

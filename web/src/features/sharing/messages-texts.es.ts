import type { sharingTextsEn } from './messages-texts.en.ts';

/**
 * Spanish texts of the server's codes: exactly the codes of shared/contracts/sharing-texts.ts (the type
 * enforces it, so a new code does not compile until it has its Spanish here).
 */
export const sharingTextsEs: Record<keyof typeof sharingTextsEn, string> = {
  'ill.text.rota.preferred_partner': 'Socia preferente de la biblioteca solicitante',
  'ill.text.rota.last_resort': 'Prestadora de último recurso: se le pide después de todas las demás',
  'ill.text.rota.balance_below':
    'Balance {score} (pidió {borrowed}, prestó {lent} en el último año, meta {goal}): presta menos que su meta',
  'ill.text.rota.balance_above':
    'Balance {score} (pidió {borrowed}, prestó {lent} en el último año, meta {goal}): presta más que su meta',
  'ill.text.rota.balance_even':
    'Balance {score} (pidió {borrowed}, prestó {lent} en el último año, meta {goal}): en su meta',
  'ill.text.rota.tied': 'Empatada con otras: ordenadas por símbolo',
  'ill.text.rota.outside_partner':
    'Socia externa por ISO 18626 (versión {version}): se le pide después de todas las bibliotecas miembro',
  'ill.text.rota.demo_random':
    'Tráfico de demostración: el generador de datos de ejemplo sorteó el orden de las prestadoras',
  'ill.text.rota.skip.inactive': 'No es miembro activo',
  'ill.text.rota.skip.lending_off': 'No presta en este momento',
  'ill.text.rota.skip.format_unknown': 'No presta este formato (desconocido)',
  'ill.text.rota.skip.format': 'No presta este formato ({format})',
  'ill.text.rota.skip.locations': 'Solo lo tiene en ubicaciones que no prestan ({locations})',
  'ill.text.rota.skip.closed': 'Cerrada hoy',
  'ill.text.rota.skip.loan_limit': 'En su límite de préstamos activos ({active} de {limit})',
  'ill.text.rota.skip.partner_unreachable_error': 'Socia externa sin conexión desde {since} ({error})',
  'ill.text.rota.skip.partner_unreachable': 'Socia externa sin conexión desde {since}',
  'ill.text.note.loan_created': 'Solicitud de préstamo creada',
  'ill.text.note.copy_created': 'Solicitud de copia creada',
  'ill.text.note.sent_to': 'Enviada a {symbol}',
  'ill.text.note.answer_by': 'Responder antes del {at}',
  'ill.text.note.rota_exhausted': 'No queda ninguna prestadora en la lista.',
  'ill.text.note.no_answer': 'Sin respuesta a tiempo',
  'ill.text.note.lender_timed_out': 'La prestadora no respondió a tiempo',
  'ill.text.note.due': 'Vencía el {date}',
  'ill.text.note.due_soon_sent': 'Aviso de vencimiento próximo enviado al usuario',
  'ill.text.note.duplicate': 'Mismo usuario y mismo documento que una solicitud reciente',
  'ill.text.note.held_here_catalog': 'Lo tenemos aquí: en el catálogo',
  'ill.text.note.held_here': 'Lo tenemos aquí: {where}',
  'ill.text.note.contu':
    'CONTU: ya hay {count} copias de esta revista este año; a esta se le aplican derechos o hace falta permiso.',
  'ill.text.note.partner.loan_request': 'Solicitud de préstamo de {name} (ISO 18626, su número {id})',
  'ill.text.note.partner.copy_request': 'Solicitud de copia de {name} (ISO 18626, su número {id})',
  'ill.text.note.partner.says': 'Nota de {name}: {text}',
  'ill.text.note.partner.their_note': 'Su nota: {text}',
  'ill.text.note.partner.not_lending': '{symbol} no presta en este momento.',
  'ill.text.note.partner.retry':
    'Pedida de nuevo con otras condiciones (ISO 18626 Retry, su número {id}, antes {previous}).',
  'ill.text.note.partner.reminder': 'Recordatorio de la biblioteca solicitante.',
  'ill.text.note.partner.received': 'Recibida por {name}.',
  'ill.text.note.partner.returned': 'Devuelta por {name}.',
  'ill.text.note.partner.withdrew': '{name} retiró la solicitud.',
  'ill.text.note.partner.asks_cancel': '{name} pide cancelar.',
  'ill.text.note.partner.cancel_too_late': '{name} pidió cancelar; demasiado tarde, se le respondió que no.',
  'ill.text.note.partner.renew_refused': '{name} pidió renovar; ahora no es posible, se le respondió que no.',
  'ill.text.note.partner.asks_renew': '{name} pide renovar.',
  'ill.text.note.partner.accepts_conditions': '{name} acepta las condiciones.',
  'ill.text.note.partner.holds_return': '{name} retiene la devolución.',
  'ill.text.note.partner.lost': '{name} informa que el documento se perdió.',
  'ill.text.note.partner.out_of_place': '{name} envió «{action}», que no corresponde a esta solicitud ahora.',
  'ill.text.note.partner.taken_as_received':
    'Se da por recibida: la biblioteca externa no confirmó la recepción.',
  'ill.text.analytics.requests': 'Solicitudes creadas en el período (por la biblioteca, si se eligió una).',
  'ill.text.analytics.ended':
    'Solicitudes que llegaron a un estado final en el período (completa, perdida, atendida localmente, cancelada, sin prestadoras).',
  'ill.text.analytics.filled':
    'Solicitudes terminadas que una prestadora atendió (envió el préstamo o la copia).',
  'ill.text.analytics.fillRate': 'atendidas ÷ terminadas.',
  'ill.text.analytics.timeToShip':
    'creada → enviada por la prestadora, para las solicitudes enviadas en el período.',
  'ill.text.analytics.timeToReceipt':
    'enviada → recibida por la solicitante (una copia se recibe al enviarse), para las solicitudes recibidas en el período.',
  'ill.text.analytics.totalTurnaround':
    'creada → recibida, para las solicitudes recibidas en el período. Tramos: < 48 h, 48–72 h, > 72 h.',
  'ill.text.analytics.supplied':
    'Préstamos y copias que la biblioteca dio a otras bibliotecas miembro en el período (consorcio: todos).',
  'ill.text.analytics.received':
    'Préstamos y copias que la biblioteca recibió de otras bibliotecas miembro en el período (consorcio: todos).',
  'ill.text.analytics.net':
    'dados − recibidos: positivo para una biblioteca más prestadora, negativo para una más solicitante.',
};

import type { sharingPolicyEn } from './messages-policy.en.ts';

/** Spanish messages of the lending policy page: exactly the keys of messages-policy.en.ts (the type enforces it). */
export const sharingPolicyEs: Record<keyof typeof sharingPolicyEn, string> = {
  'ill.policy.title': 'Política de préstamo',
  'ill.policy.lead':
    'Lo que su biblioteca presta a otros miembros, y cómo se eligen las prestadoras para sus solicitudes.',
  'ill.policy.adminOnly': 'Solo los administradores de su biblioteca pueden cambiar la política.',
  'ill.policy.lending': 'Prestar a otras bibliotecas miembro',
  'ill.policy.formats': 'Formatos que presta (uno por línea; vacío = todos)',
  'ill.policy.locations': 'Ubicaciones que nunca prestan (una por línea)',
  'ill.policy.limit': 'Máximo de préstamos activos a la vez (vacío = sin límite)',
  'ill.policy.answerDays': 'Días hábiles para responder una solicitud',
  'ill.policy.rushHours': 'Horas para responder una solicitud urgente',
  'ill.policy.loanDays': 'Plazo del préstamo en días',
  'ill.policy.lastResort': 'Prestadora de último recurso (se consulta después de todas)',
  'ill.policy.partners': 'Socias preferidas (se consultan primero para sus solicitudes)',
  'ill.policy.goalLoans': 'Meta: préstamos',
  'ill.policy.goalBorrows': 'Meta: pedidos',
  'ill.policy.goalHint':
    'Su meta de préstamos frente a pedidos; las bibliotecas por debajo de su meta se consultan primero.',
  'ill.policy.save': 'Guardar política',
  'ill.policy.saved': 'Se guardó la política de préstamo.',
  'ill.policy.number': 'Escriba un número entero.',
  'ill.policy.contuTitle': 'Derechos de autor: copias por revista este año (CONTU)',
  'ill.policy.contuCaption': 'Copias recibidas por revista en {year}',
  'ill.policy.contuJournal': 'Revista',
  'ill.policy.contuCount': 'Copias',
  'ill.policy.contuNone': 'No se recibieron copias este año.',
  'ill.policy.contuWarn': 'Se llegó a la quinta: regalías desde la sexta',
};

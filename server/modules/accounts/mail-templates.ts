import type { Locale } from '../../platform/auth/principal.ts';
import { renderMail } from '../../platform/mail/render.ts';
import type { RenderedMail } from '../../platform/mail/mailer.ts';

const footer: Record<Locale, string> = {
  en: 'Amigos Commons — libraries sharing collections, services and opportunities.',
  es: 'Amigos Commons — bibliotecas que comparten colecciones, servicios y oportunidades.',
};

const roleNames: Record<Locale, Record<string, string>> = {
  en: {
    consortium_admin: 'consortium administrator',
    consortium_staff: 'consortium staff',
    library_admin: 'library administrator',
    library_staff: 'library staff',
    partner_staff: 'partner staff',
  },
  es: {
    consortium_admin: 'administrador(a) del consorcio',
    consortium_staff: 'personal del consorcio',
    library_admin: 'administrador(a) de la biblioteca',
    library_staff: 'personal de la biblioteca',
    partner_staff: 'personal de organización asociada',
  },
};

export function passwordResetMail(locale: Locale, v: { url: string; hours: number }): RenderedMail {
  return locale === 'es'
    ? renderMail('es', {
        subject: 'Restablezca su contraseña de Amigos Commons',
        greeting: 'Hola:',
        paragraphs: [
          'Alguien (esperamos que usted) pidió restablecer la contraseña de esta cuenta.',
          `El enlace funciona una sola vez y vence en ${v.hours} horas. Si no lo pidió, ignore este mensaje: su contraseña no cambia.`,
        ],
        action: { label: 'Elegir una contraseña nueva', url: v.url },
        footer: footer.es,
      })
    : renderMail('en', {
        subject: 'Reset your Amigos Commons password',
        greeting: 'Hello,',
        paragraphs: [
          'Someone (we hope you) asked to reset the password for this account.',
          `The link works once and expires in ${v.hours} hours. If you did not ask, ignore this message: your password stays the same.`,
        ],
        action: { label: 'Choose a new password', url: v.url },
        footer: footer.en,
      });
}

export function invitationMail(
  locale: Locale,
  v: { url: string; inviter: string; organization: string; role: string; days: number },
): RenderedMail {
  const role = roleNames[locale][v.role] ?? v.role;
  return locale === 'es'
    ? renderMail('es', {
        subject: `Invitación a Amigos Commons — ${v.organization}`,
        greeting: 'Hola:',
        paragraphs: [
          `${v.inviter} le invitó a unirse a Amigos Commons como ${role} de ${v.organization}.`,
          `Acepte la invitación para crear su contraseña. El enlace vence en ${v.days} días.`,
        ],
        action: { label: 'Aceptar la invitación', url: v.url },
        footer: footer.es,
      })
    : renderMail('en', {
        subject: `You're invited to Amigos Commons — ${v.organization}`,
        greeting: 'Hello,',
        paragraphs: [
          `${v.inviter} invited you to join Amigos Commons as ${role} at ${v.organization}.`,
          `Accept the invitation to choose your password. The link expires in ${v.days} days.`,
        ],
        action: { label: 'Accept the invitation', url: v.url },
        footer: footer.en,
      });
}

export function passwordChangedMail(locale: Locale, v: { url: string }): RenderedMail {
  return locale === 'es'
    ? renderMail('es', {
        subject: 'Se cambió su contraseña de Amigos Commons',
        greeting: 'Hola:',
        paragraphs: [
          'La contraseña de su cuenta acaba de cambiar y se cerraron sus otras sesiones.',
          'Si no fue usted, restablezca la contraseña de inmediato y avise a su administrador(a).',
        ],
        action: { label: 'Restablecer la contraseña', url: v.url },
        footer: footer.es,
      })
    : renderMail('en', {
        subject: 'Your Amigos Commons password was changed',
        greeting: 'Hello,',
        paragraphs: [
          'The password of your account was just changed and your other sessions were signed out.',
          'If this was not you, reset your password right away and tell your administrator.',
        ],
        action: { label: 'Reset your password', url: v.url },
        footer: footer.en,
      });
}

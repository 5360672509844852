import type { Language } from '../../domain/i18n/types.ts';
import { escapeHtml, type MailContent } from '../mail/messages.ts';

/**
 * The mails of a survey wave (issue 23, decision 0042), in the respondent's language: the
 * invitation with its personal link, and the reminder with a new one (the database keeps only the
 * hash of a link, so a reminder issues a fresh link that replaces the earlier one).
 */

interface Words {
  inviteSubject: (survey: string) => string;
  remindSubject: (survey: string) => string;
  hello: (name: string) => string;
  invite: (survey: string, by: string) => string;
  remind: (survey: string) => string;
  anonymous: string;
  personal: string;
  closes: (when: string) => string;
  replaces: string;
  button: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    inviteSubject: (s) => `Your opinion: ${s}`,
    remindSubject: (s) => `Reminder: ${s}`,
    hello: (n) => `Hello ${n},`,
    invite: (s, by) => `${by} invites you to answer the survey "${s}". It takes a few minutes.`,
    remind: (s) => `You have not yet completed the survey "${s}". Your answers so far are saved.`,
    anonymous: 'Your answers are anonymous: nothing links them to you.',
    personal: 'This link is personal: please do not forward it. It needs no account.',
    closes: (w) => `The survey closes on ${w} (UTC).`,
    replaces: 'This link replaces the one in our earlier mail.',
    button: 'Answer the survey',
  },
  fr: {
    inviteSubject: (s) => `Votre avis : ${s}`,
    remindSubject: (s) => `Rappel : ${s}`,
    hello: (n) => `Bonjour ${n},`,
    invite: (s, by) => `${by} vous invite à répondre à l’enquête « ${s} ». Cela prend quelques minutes.`,
    remind: (s) =>
      `Vous n’avez pas encore terminé l’enquête « ${s} ». Vos réponses déjà données sont enregistrées.`,
    anonymous: 'Vos réponses sont anonymes : rien ne les relie à vous.',
    personal: 'Ce lien est personnel : merci de ne pas le transférer. Il ne demande aucun compte.',
    closes: (w) => `L’enquête se termine le ${w} (UTC).`,
    replaces: 'Ce lien remplace celui de notre précédent e-mail.',
    button: 'Répondre à l’enquête',
  },
  es: {
    inviteSubject: (s) => `Su opinión: ${s}`,
    remindSubject: (s) => `Recordatorio: ${s}`,
    hello: (n) => `Hola, ${n}:`,
    invite: (s, by) => `${by} le invita a responder la encuesta «${s}». Solo le llevará unos minutos.`,
    remind: (s) => `Aún no ha completado la encuesta «${s}». Sus respuestas hasta ahora están guardadas.`,
    anonymous: 'Sus respuestas son anónimas: nada las vincula con usted.',
    personal: 'Este enlace es personal: no lo reenvíe. No necesita ninguna cuenta.',
    closes: (w) => `La encuesta se cierra el ${w} (UTC).`,
    replaces: 'Este enlace sustituye al de nuestro correo anterior.',
    button: 'Responder la encuesta',
  },
  it: {
    inviteSubject: (s) => `La sua opinione: ${s}`,
    remindSubject: (s) => `Promemoria: ${s}`,
    hello: (n) => `Gentile ${n},`,
    invite: (s, by) => `${by} la invita a rispondere al questionario «${s}». Bastano pochi minuti.`,
    remind: (s) => `Non ha ancora completato il questionario «${s}». Le risposte date finora sono salvate.`,
    anonymous: 'Le sue risposte sono anonime: nulla le collega a lei.',
    personal: 'Questo link è personale: non lo inoltri. Non serve alcun account.',
    closes: (w) => `Il questionario chiude il ${w} (UTC).`,
    replaces: 'Questo link sostituisce quello della nostra e-mail precedente.',
    button: 'Rispondi al questionario',
  },
  el: {
    inviteSubject: (s) => `Η γνώμη σας: ${s}`,
    remindSubject: (s) => `Υπενθύμιση: ${s}`,
    hello: (n) => `Γεια σας ${n},`,
    invite: (s, by) => `Ο/Η ${by} σας προσκαλεί να απαντήσετε στην έρευνα «${s}». Διαρκεί λίγα λεπτά.`,
    remind: (s) =>
      `Δεν έχετε ολοκληρώσει ακόμη την έρευνα «${s}». Οι απαντήσεις σας μέχρι τώρα έχουν αποθηκευτεί.`,
    anonymous: 'Οι απαντήσεις σας είναι ανώνυμες: τίποτα δεν τις συνδέει με εσάς.',
    personal: 'Ο σύνδεσμος είναι προσωπικός: μην τον προωθήσετε. Δεν χρειάζεται λογαριασμός.',
    closes: (w) => `Η έρευνα κλείνει στις ${w} (UTC).`,
    replaces: 'Αυτός ο σύνδεσμος αντικαθιστά εκείνον του προηγούμενου μηνύματός μας.',
    button: 'Απαντήστε στην έρευνα',
  },
  pl: {
    inviteSubject: (s) => `Twoja opinia: ${s}`,
    remindSubject: (s) => `Przypomnienie: ${s}`,
    hello: (n) => `Dzień dobry, ${n},`,
    invite: (s, by) => `${by} zaprasza do wypełnienia ankiety „${s}”. Zajmie to kilka minut.`,
    remind: (s) => `Ankieta „${s}” nie jest jeszcze ukończona. Dotychczasowe odpowiedzi są zapisane.`,
    anonymous: 'Odpowiedzi są anonimowe: nic nie łączy ich z Tobą.',
    personal: 'Ten link jest osobisty: prosimy go nie przekazywać. Nie wymaga konta.',
    closes: (w) => `Ankieta zamyka się ${w} (UTC).`,
    replaces: 'Ten link zastępuje link z naszej poprzedniej wiadomości.',
    button: 'Wypełnij ankietę',
  },
};

export interface SurveyMailValues {
  name: string;
  survey: string;
  /** Who sends it: the workspace's name. */
  by: string;
  link: string;
  closesAt: string | null;
  anonymous: boolean;
}

function content(subject: string, lines: string[], link: string, button: string): MailContent {
  return {
    subject,
    text: [...lines, '', `${button}: ${link}`].join('\n'),
    html: [
      ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p><a href="${escapeHtml(link)}">${escapeHtml(button)}</a></p>`,
    ].join('\n'),
  };
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function surveyInvitationMail(values: SurveyMailValues, language: Language): MailContent {
  const w = WORDS[language];
  return content(
    w.inviteSubject(values.survey),
    [
      w.hello(values.name),
      w.invite(values.survey, values.by),
      ...(values.anonymous ? [w.anonymous] : []),
      ...(values.closesAt ? [w.closes(when(values.closesAt))] : []),
      w.personal,
    ],
    values.link,
    w.button,
  );
}

export function surveyReminderMail(values: SurveyMailValues, language: Language): MailContent {
  const w = WORDS[language];
  return content(
    w.remindSubject(values.survey),
    [
      w.hello(values.name),
      w.remind(values.survey),
      ...(values.closesAt ? [w.closes(when(values.closesAt))] : []),
      w.replaces,
      w.personal,
    ],
    values.link,
    w.button,
  );
}

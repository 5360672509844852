import type { Language } from '../../domain/i18n/types.ts';
import type { RelationshipStage } from '../../domain/network/types.ts';
import { escapeHtml, type MailContent } from '../mail/messages.ts';

/** One decaying relationship as the digest lists it. */
export interface DigestRelationship {
  counterpart: string;
  stage: RelationshipStage;
  daysSince: number;
  decayDays: number;
}

/** One overdue next step as the digest lists it. */
export interface DigestNextStep {
  organisation: string;
  nextStep: string;
  dueOn: string;
}

export interface DigestValues {
  name: string;
  workspaceName: string;
  week: string;
  link: string;
  relationships: DigestRelationship[];
  /** How many decaying relationships there are in all (the mail lists at most DIGEST_LIMIT). */
  relationshipTotal: number;
  nextSteps: DigestNextStep[];
  nextStepTotal: number;
}

/** How many lines of each kind a digest lists; the rest is counted. */
export const DIGEST_LIMIT = 50;

interface Words {
  subject: (week: string, workspace: string) => string;
  hello: (name: string) => string;
  intro: (workspace: string, week: string) => string;
  decaying: (count: number) => string;
  line: (r: DigestRelationship, stage: string) => string;
  overdue: (count: number) => string;
  step: (s: DigestNextStep) => string;
  more: (count: number) => string;
  open: string;
  button: string;
  why: string;
  stages: Record<RelationshipStage, string>;
}

/** The digest's words per language (machine-made drafts but English; to be reviewed). */
const WORDS: Record<Language, Words> = {
  en: {
    subject: (week, ws) => `Network health ${week}: relationships to revive (${ws})`,
    hello: (name) => `Hello ${name},`,
    intro: (ws, week) => `Your network health digest for ${ws}, week ${week}.`,
    decaying: (n) => `Relationships without contact past their stage's limit (${n}):`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}): ${r.daysSince} days without contact, limit ${r.decayDays}`,
    overdue: (n) => `Overdue next steps (${n}):`,
    step: (s) => `- ${s.organisation}: ${s.nextStep} (due ${s.dueOn})`,
    more: (n) => `… and ${n} more.`,
    open: 'Open network health:',
    button: 'Open network health',
    why: 'You get this mail because you own these relationships or next steps. Nothing to report means no mail.',
    stages: {
      mapped: 'Mapped',
      contacted: 'Contacted',
      met: 'Met',
      potential_partner: 'Potential partner',
      partner: 'Partner',
      collaborating: 'Collaborating',
      common_project: 'Common project',
      dormant: 'Dormant',
      closed: 'Closed',
    },
  },
  fr: {
    subject: (week, ws) => `Santé du réseau ${week} : relations à relancer (${ws})`,
    hello: (name) => `Bonjour ${name},`,
    intro: (ws, week) => `Votre synthèse de la santé du réseau pour ${ws}, semaine ${week}.`,
    decaying: (n) => `Relations sans contact au-delà de la limite de leur étape (${n}) :`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}) : ${r.daysSince} jours sans contact, limite ${r.decayDays}`,
    overdue: (n) => `Prochaines étapes en retard (${n}) :`,
    step: (s) => `- ${s.organisation} : ${s.nextStep} (échéance ${s.dueOn})`,
    more: (n) => `… et ${n} de plus.`,
    open: 'Ouvrir la santé du réseau :',
    button: 'Ouvrir la santé du réseau',
    why: 'Vous recevez cet e-mail car vous suivez ces relations ou prochaines étapes. Rien à signaler, pas d’e-mail.',
    stages: {
      mapped: 'Repéré',
      contacted: 'Contacté',
      met: 'Rencontré',
      potential_partner: 'Partenaire potentiel',
      partner: 'Partenaire',
      collaborating: 'En collaboration',
      common_project: 'Projet commun',
      dormant: 'En sommeil',
      closed: 'Clos',
    },
  },
  es: {
    subject: (week, ws) => `Salud de la red ${week}: relaciones que reactivar (${ws})`,
    hello: (name) => `Hola, ${name}:`,
    intro: (ws, week) => `Su resumen de la salud de la red de ${ws}, semana ${week}.`,
    decaying: (n) => `Relaciones sin contacto más allá del límite de su etapa (${n}):`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}): ${r.daysSince} días sin contacto, límite ${r.decayDays}`,
    overdue: (n) => `Próximos pasos vencidos (${n}):`,
    step: (s) => `- ${s.organisation}: ${s.nextStep} (vencía el ${s.dueOn})`,
    more: (n) => `… y ${n} más.`,
    open: 'Abrir la salud de la red:',
    button: 'Abrir la salud de la red',
    why: 'Recibe este correo porque es responsable de estas relaciones o próximos pasos. Sin novedades, no hay correo.',
    stages: {
      mapped: 'Identificado',
      contacted: 'Contactado',
      met: 'Reunido',
      potential_partner: 'Socio potencial',
      partner: 'Socio',
      collaborating: 'Colaborando',
      common_project: 'Proyecto común',
      dormant: 'Inactivo',
      closed: 'Cerrado',
    },
  },
  it: {
    subject: (week, ws) => `Salute della rete ${week}: relazioni da riattivare (${ws})`,
    hello: (name) => `Buongiorno ${name},`,
    intro: (ws, week) => `Il suo riepilogo della salute della rete di ${ws}, settimana ${week}.`,
    decaying: (n) => `Relazioni senza contatti oltre il limite della loro fase (${n}):`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}): ${r.daysSince} giorni senza contatti, limite ${r.decayDays}`,
    overdue: (n) => `Prossimi passi scaduti (${n}):`,
    step: (s) => `- ${s.organisation}: ${s.nextStep} (scadenza ${s.dueOn})`,
    more: (n) => `… e altri ${n}.`,
    open: 'Apra la salute della rete:',
    button: 'Apri la salute della rete',
    why: 'Riceve questa e-mail perché segue queste relazioni o prossimi passi. Niente da segnalare, nessuna e-mail.',
    stages: {
      mapped: 'Mappato',
      contacted: 'Contattato',
      met: 'Incontrato',
      potential_partner: 'Partner potenziale',
      partner: 'Partner',
      collaborating: 'In collaborazione',
      common_project: 'Progetto comune',
      dormant: 'Dormiente',
      closed: 'Chiuso',
    },
  },
  el: {
    subject: (week, ws) => `Υγεία δικτύου ${week}: σχέσεις για αναζωογόνηση (${ws})`,
    hello: (name) => `Γεια σας ${name},`,
    intro: (ws, week) => `Η σύνοψη υγείας του δικτύου σας για ${ws}, εβδομάδα ${week}.`,
    decaying: (n) => `Σχέσεις χωρίς επαφή πέρα από το όριο του σταδίου τους (${n}):`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}): ${r.daysSince} ημέρες χωρίς επαφή, όριο ${r.decayDays}`,
    overdue: (n) => `Εκπρόθεσμα επόμενα βήματα (${n}):`,
    step: (s) => `- ${s.organisation}: ${s.nextStep} (προθεσμία ${s.dueOn})`,
    more: (n) => `… και ${n} ακόμη.`,
    open: 'Ανοίξτε την υγεία του δικτύου:',
    button: 'Άνοιγμα υγείας δικτύου',
    why: 'Λαμβάνετε αυτό το μήνυμα επειδή είστε υπεύθυνος αυτών των σχέσεων ή βημάτων. Χωρίς νέα, κανένα μήνυμα.',
    stages: {
      mapped: 'Καταγεγραμμένη',
      contacted: 'Σε επαφή',
      met: 'Συνάντηση',
      potential_partner: 'Πιθανός εταίρος',
      partner: 'Εταίρος',
      collaborating: 'Σε συνεργασία',
      common_project: 'Κοινό έργο',
      dormant: 'Αδρανής',
      closed: 'Κλειστή',
    },
  },
  pl: {
    subject: (week, ws) => `Kondycja sieci ${week}: relacje do odnowienia (${ws})`,
    hello: (name) => `Dzień dobry ${name},`,
    intro: (ws, week) => `Twoje podsumowanie kondycji sieci dla ${ws}, tydzień ${week}.`,
    decaying: (n) => `Relacje bez kontaktu ponad limit ich etapu (${n}):`,
    line: (r, stage) =>
      `- ${r.counterpart} (${stage}): ${r.daysSince} dni bez kontaktu, limit ${r.decayDays}`,
    overdue: (n) => `Zaległe kolejne kroki (${n}):`,
    step: (s) => `- ${s.organisation}: ${s.nextStep} (termin ${s.dueOn})`,
    more: (n) => `… i ${n} więcej.`,
    open: 'Otwórz kondycję sieci:',
    button: 'Otwórz kondycję sieci',
    why: 'Otrzymujesz tę wiadomość, bo odpowiadasz za te relacje lub kroki. Bez zmian nie ma wiadomości.',
    stages: {
      mapped: 'Zmapowany',
      contacted: 'Nawiązany kontakt',
      met: 'Spotkanie',
      potential_partner: 'Potencjalny partner',
      partner: 'Partner',
      collaborating: 'Współpraca',
      common_project: 'Wspólny projekt',
      dormant: 'Uśpiony',
      closed: 'Zamknięty',
    },
  },
};

/** The weekly network-health digest of one owner, in the owner's language. */
export function digestMail(values: DigestValues, language: Language): MailContent {
  const w = WORDS[language];
  const lines: string[] = [w.hello(values.name), w.intro(values.workspaceName, values.week)];
  if (values.relationshipTotal > 0) {
    lines.push(
      [
        w.decaying(values.relationshipTotal),
        ...values.relationships.map((r) => w.line(r, w.stages[r.stage])),
        ...(values.relationshipTotal > values.relationships.length
          ? [w.more(values.relationshipTotal - values.relationships.length)]
          : []),
      ].join('\n'),
    );
  }
  if (values.nextStepTotal > 0) {
    lines.push(
      [
        w.overdue(values.nextStepTotal),
        ...values.nextSteps.map(w.step),
        ...(values.nextStepTotal > values.nextSteps.length
          ? [w.more(values.nextStepTotal - values.nextSteps.length)]
          : []),
      ].join('\n'),
    );
  }
  lines.push(w.open, values.link, w.why);
  const body = lines
    .map((line) =>
      line === values.link
        ? `<p><a href="${escapeHtml(values.link)}">${escapeHtml(w.button)}</a></p>`
        : `<p>${escapeHtml(line).replaceAll('\n', '<br>\n')}</p>`,
    )
    .join('\n');
  return {
    subject: w.subject(values.week, values.workspaceName),
    text: lines.join('\n\n'),
    html: `<!doctype html>\n<html lang="${language}"><body>\n${body}\n</body></html>\n`,
  };
}

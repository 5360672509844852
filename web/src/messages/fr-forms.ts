/** French UI strings of the forms (machine-made first draft; to be reviewed by a French-speaking partner). */
import type { enForms } from './en-forms.ts';
import type { Messages } from './types.ts';

export const frForms: Pick<Messages, keyof typeof enForms> = {
  forms: {
    number: {
      negative: 'ne doit pas être négatif',
      whole: 'doit être un nombre entier',
      notANumber: 'doit être un nombre',
    },
    country: {
      hint: 'Deux lettres, p. ex. BE pour la Belgique ou JP pour le Japon',
      unknown: 'n’est pas un code de pays : deux lettres comme BE (Belgique) ou JP (Japon)',
    },
    estimate: {
      intro:
        'Le moteur budgétaire chiffre cette activité à partir du modèle budgétaire de son instrument dans le D4.2. Renseignez ce que le modèle compte ; la destination et les nuits viennent de l’activité.',
      noFigure:
        'Le D4.2 ne donne aucun chiffre pour cet instrument : l’estimation indique seulement de quoi dépend son coût. Ajoutez ses lignes à la main avec « Ajouter une ligne prévue ».',
      label: {
        units: 'Nombre',
        months: 'Mois',
        issues: 'Numéros de la lettre d’information',
        entities: 'Organisations participantes',
        travellers: 'Voyageurs par mission',
        nights: 'Nuits sur place par mission',
        destination: 'Pays de destination',
      },
      hint: {
        units: (_one, many) => `Combien de ${many} : le budget compte par unité.`,
        unitsGeneric: 'Combien l’activité en compte : le budget compte par unité.',
        months: (output) =>
          output
            ? `Combien de mois elle dure, un ${output} par mois : les jours de travail comptent par mois.`
            : 'Combien de mois elle dure : les jours de travail comptent par mois.',
        issues: 'Combien de numéros : un par mois.',
        entities: 'Combien d’organisations participent : les frais comptent par organisation.',
        travellers: (typical) =>
          typical
            ? `Combien de personnes voyagent à chaque mission (le D4.2 compte ${typical.min === typical.max ? typical.min : `${typical.min}–${typical.max}`} ${typical.who}).`
            : 'Combien de personnes voyagent à chaque mission.',
        nights:
          'Nuits sur place à chaque mission, 0 pour un aller-retour dans la journée : l’hébergement et les repas comptent par nuit.',
        nightsFromDates: (nights) =>
          `Les dates de l’activité donnent ${nights} ${nights <= 1 ? 'nuit' : 'nuits'}.`,
        destination:
          'Où vont les voyageurs : le déplacement, l’hébergement et les repas sont chiffrés aux tarifs de ce pays.',
        destinationFromActivity: 'Repris du pays de l’activité.',
      },
      missing: {
        units: (many) => (many ? `Indiquez le nombre de ${many}.` : 'Indiquez le nombre.'),
        months: 'Indiquez le nombre de mois.',
        issues: 'Indiquez le nombre de numéros.',
        entities: 'Indiquez le nombre d’organisations participantes.',
        travellers: 'Indiquez le nombre de voyageurs à chaque mission.',
        nights: 'Indiquez les nuits sur place à chaque mission (0 pour un aller-retour dans la journée).',
        destination: 'Choisissez le pays où vont les voyageurs.',
      },
      unknownCountry: 'n’est pas un pays : choisissez-en un dans la liste',
      wholeNumber: (min, max) =>
        `doit être un nombre entier de ${min.toLocaleString('fr')} à ${max.toLocaleString('fr')}`,
      loading: 'Chargement du modèle budgétaire de l’instrument…',
    },
    authErrors: {
      unreachable: 'Le Hub est injoignable. Vérifiez votre connexion et réessayez.',
      tooManyAttempts: 'Trop de tentatives : attendez quelques minutes, puis réessayez.',
      serverFault: 'Le Hub n’a pas pu répondre pour le moment. Réessayez dans un instant.',
      refused: 'Le Hub a refusé cette demande. Rechargez la page et réessayez.',
    },
    planTabs: {
      label: 'Parties du plan',
      timeline: 'Chronologie',
      instruments: (n) => `Instruments (${n})`,
      kpis: 'Objectifs des KPI',
    },
  },
};

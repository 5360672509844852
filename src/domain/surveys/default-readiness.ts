import type {
  ChoiceOption,
  Condition,
  MatrixRow,
  Question,
  QuestionnaireDefinition,
  ReadinessDimension,
  Section,
  Translated,
} from './types.ts';

/**
 * The Hub's default readiness questionnaire (issue 23, docs/readiness.md): the seed's
 * validation-survey purposes (instrument 1.1.6: motivation, drivers, readiness, commitment,
 * capability gaps) around 40 scored questions over the six dimensions of the CHROME framework
 * (David & Cariou 2014), each worth 0–5 points, scored by `scoreReadiness` into a total out of 200
 * and a stage. Written for the Hub in its own words, in English and French.
 *
 * Every scored question's worst answer gives 0 points and its best 5; the scale and grid questions
 * (whose lowest value is 1 point) are asked only of those whose earlier answer makes them
 * meaningful (a grid of export skills only when someone leads international business), so that a
 * company with nothing yet in place scores 0 and one with everything in place scores 200.
 * Questions without a dimension are not scored: they tell the cluster why and where its members
 * want to go and what they miss.
 */
export interface DefaultQuestionnaire {
  name: string;
  description: string;
  definition: QuestionnaireDefinition;
}

/** The number of scored questions of the default questionnaire (the framework's 40). */
export const DEFAULT_READINESS_SCORED_QUESTIONS = 40;

const t = (en: string, fr: string): Translated => ({ en, fr });

/** Options of a scored choice: [key, English, French, points]. */
function scored(...options: [string, string, string, number][]): ChoiceOption[] {
  return options.map(([key, en, fr, points]) => ({ key, label: t(en, fr), points }));
}

/** Options of an unscored choice: [key, English, French]. */
function plain(...options: [string, string, string][]): ChoiceOption[] {
  return options.map(([key, en, fr]) => ({ key, label: t(en, fr) }));
}

function rows(...items: [string, string, string][]): MatrixRow[] {
  return items.map(([key, en, fr]) => ({ key, label: t(en, fr) }));
}

const AGREEMENT = {
  low: t('Not at all', 'Pas du tout'),
  high: t('Fully', 'Tout à fait'),
};
const LEVEL = {
  low: t('Very weak', 'Très faible'),
  high: t('Very strong', 'Très fort'),
};

function choice(
  key: string,
  dimension: ReadinessDimension,
  label: Translated,
  options: ChoiceOption[],
  extra: { help?: Translated; showIf?: Condition } = {},
): Question {
  return { key, type: 'single_choice', label, required: true, dimension, options, ...extra };
}

function several(
  key: string,
  dimension: ReadinessDimension,
  label: Translated,
  options: ChoiceOption[],
  extra: { help?: Translated; showIf?: Condition } = {},
): Question {
  return { key, type: 'multiple_choice', label, required: true, dimension, options, ...extra };
}

function scale(
  key: string,
  dimension: ReadinessDimension,
  label: Translated,
  showIf: Condition,
  scaleLabels = AGREEMENT,
): Question {
  return { key, type: 'scale', label, required: true, dimension, scaleLabels, showIf };
}

function grid(
  key: string,
  dimension: ReadinessDimension,
  label: Translated,
  matrixRows: MatrixRow[],
  showIf: Condition,
): Question {
  return {
    key,
    type: 'matrix',
    label,
    required: true,
    dimension,
    rows: matrixRows,
    scaleLabels: LEVEL,
    showIf,
  };
}

const motivation: Section = {
  key: 'motivation',
  title: t('Why go abroad', 'Pourquoi l’international'),
  description: t(
    'Your reasons and what pushes you: these questions are not scored.',
    'Vos raisons et ce qui vous pousse : ces questions ne sont pas notées.',
  ),
  questions: [
    {
      key: 'motivation',
      type: 'multiple_choice',
      label: t(
        'Why does your organisation consider doing business abroad?',
        'Pourquoi votre organisation envisage-t-elle des activités à l’étranger ?',
      ),
      required: true,
      options: plain(
        ['growth', 'To grow sales', 'Pour accroître les ventes'],
        ['small_home', 'Our home market is too small', 'Notre marché national est trop petit'],
        ['follow_customers', 'To follow our customers', 'Pour suivre nos clients'],
        [
          'technology',
          'To reach technology or partners',
          'Pour accéder à des technologies ou des partenaires',
        ],
        [
          'programmes',
          'To take part in international programmes',
          'Pour participer à des programmes internationaux',
        ],
        ['reputation', 'To build our reputation', 'Pour asseoir notre réputation'],
        ['not_now', 'We do not consider it for now', 'Nous ne l’envisageons pas pour l’instant'],
      ),
    },
    {
      key: 'drivers',
      type: 'multiple_choice',
      label: t(
        'What is pushing you towards foreign markets today?',
        'Qu’est-ce qui vous pousse aujourd’hui vers les marchés étrangers ?',
      ),
      required: false,
      options: plain(
        ['requests', 'Requests from foreign customers', 'Des demandes de clients étrangers'],
        ['competition', 'Competitors already abroad', 'Des concurrents déjà présents à l’étranger'],
        [
          'funding',
          'Public funding or agency contracts',
          'Des financements publics ou des contrats d’agences',
        ],
        ['partners', 'Invitations from partners', 'Des invitations de partenaires'],
        ['unique_tech', 'A technology with few rivals', 'Une technologie avec peu de concurrents'],
        ['ambition', 'The ambition of the management', 'L’ambition de la direction'],
      ),
    },
    {
      key: 'motivation_clarity',
      type: 'scale',
      label: t(
        'How clear is the reason for going abroad to everyone in your organisation?',
        'La raison d’aller à l’international est-elle claire pour tous dans votre organisation ?',
      ),
      required: false,
      scaleLabels: AGREEMENT,
    },
    {
      key: 'market',
      type: 'market',
      label: t(
        'Which of the partnership’s target markets interests you most?',
        'Quel marché cible du partenariat vous intéresse le plus ?',
      ),
      required: false,
    },
    {
      key: 'market_timing',
      type: 'single_choice',
      label: t('When would you like to start there?', 'Quand souhaiteriez-vous y démarrer ?'),
      required: false,
      options: plain(
        ['year', 'Within a year', 'D’ici un an'],
        ['three_years', 'In one to three years', 'Dans un à trois ans'],
        ['later', 'Later', 'Plus tard'],
        ['unsure', 'We do not know yet', 'Nous ne savons pas encore'],
      ),
    },
  ],
};

const competencies: Section = {
  key: 'competencies',
  title: t('The management’s competencies', 'Les compétences de la direction'),
  questions: [
    choice(
      'comp_languages',
      'competencies',
      t(
        'How many of your managers do business comfortably in a foreign language?',
        'Combien de vos dirigeants travaillent aisément dans une langue étrangère ?',
      ),
      scored(
        ['none', 'None', 'Aucun', 0],
        ['one', 'One', 'Un seul', 2],
        ['several', 'Several', 'Plusieurs', 4],
        ['all', 'All of them, in more than one language', 'Tous, dans plus d’une langue', 5],
      ),
    ),
    choice(
      'comp_experience',
      'competencies',
      t(
        'Has any of your managers worked or lived abroad for a year or more?',
        'L’un de vos dirigeants a-t-il travaillé ou vécu à l’étranger un an ou plus ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['short', 'Only short stays', 'Seulement de courts séjours', 2],
        ['one', 'Yes, one of them', 'Oui, l’un d’eux', 4],
        ['several', 'Yes, several of them', 'Oui, plusieurs', 5],
      ),
    ),
    choice(
      'comp_training',
      'competencies',
      t(
        'Have your managers been trained in international business?',
        'Vos dirigeants sont-ils formés au commerce international ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['short', 'Short courses', 'Des formations courtes', 2],
        ['degree', 'A degree or a certified course', 'Un diplôme ou une formation certifiante', 4],
        ['ongoing', 'A degree, kept up to date', 'Un diplôme, entretenu régulièrement', 5],
      ),
    ),
    choice(
      'comp_lead',
      'competencies',
      t('Who leads your international business?', 'Qui pilote votre activité internationale ?'),
      scored(
        ['nobody', 'Nobody', 'Personne', 0],
        ['ceo', 'The head of the company, when time allows', 'Le dirigeant, quand il en a le temps', 2],
        ['part_time', 'A named person, part of their time', 'Une personne désignée, à temps partiel', 4],
        ['dedicated', 'A dedicated manager or team', 'Un responsable ou une équipe dédiés', 5],
      ),
    ),
    grid(
      'comp_skills',
      'competencies',
      t(
        'How strong are the skills of those who lead it in…',
        'Quel est le niveau de ceux qui la pilotent en…',
      ),
      rows(
        ['research', 'studying a foreign market', 'étude d’un marché étranger'],
        [
          'contracts',
          'contracts and intellectual property abroad',
          'contrats et propriété intellectuelle à l’étranger',
        ],
        ['pricing', 'pricing and terms of payment abroad', 'prix et conditions de paiement à l’étranger'],
        ['negotiation', 'negotiating across cultures', 'négociation interculturelle'],
      ),
      { question: 'comp_lead', anyOf: ['ceo', 'part_time', 'dedicated'] },
    ),
    choice(
      'comp_regulation',
      'competencies',
      t(
        'How well do you know the export-control rules that apply to your products?',
        'Connaissez-vous les règles de contrôle des exportations applicables à vos produits ?',
      ),
      scored(
        ['none', 'Not at all', 'Pas du tout', 0],
        ['aware', 'We know they exist', 'Nous savons qu’elles existent', 2],
        ['procedure', 'We have a procedure', 'Nous avons une procédure', 4],
        ['officer', 'A named person keeps us compliant', 'Une personne désignée en assure le respect', 5],
      ),
      {
        help: t(
          'For example dual-use items and licences for space components.',
          'Par exemple les biens à double usage et les licences pour les composants spatiaux.',
        ),
      },
    ),
    choice(
      'comp_tenders',
      'competencies',
      t(
        'Have you answered calls for tenders of foreign or international agencies?',
        'Avez-vous répondu à des appels d’offres d’agences étrangères ou internationales ?',
      ),
      scored(
        ['never', 'Never', 'Jamais', 0],
        ['looked', 'We have looked at some', 'Nous en avons étudié', 1],
        ['bid', 'We have bid', 'Nous avons soumissionné', 3],
        ['won', 'We have won some', 'Nous en avons remporté', 5],
      ),
    ),
  ],
};

const heritage: Section = {
  key: 'heritage',
  title: t('Your international track record', 'Votre expérience internationale'),
  questions: [
    choice(
      'her_share',
      'heritage',
      t(
        'What share of your turnover comes from abroad?',
        'Quelle part de votre chiffre d’affaires provient de l’étranger ?',
      ),
      scored(
        ['none', 'None', 'Aucune', 0],
        ['under_10', 'Less than 10%', 'Moins de 10 %', 2],
        ['10_30', '10% to 30%', '10 % à 30 %', 3],
        ['30_50', '30% to 50%', '30 % à 50 %', 4],
        ['over_50', 'More than half', 'Plus de la moitié', 5],
      ),
    ),
    choice(
      'her_years',
      'heritage',
      t('When did you first sell abroad?', 'Quand avez-vous vendu à l’étranger pour la première fois ?'),
      scored(
        ['never', 'Never', 'Jamais', 0],
        ['recent', 'Less than two years ago', 'Il y a moins de deux ans', 2],
        ['2_5', 'Two to five years ago', 'Il y a deux à cinq ans', 3],
        ['5_10', 'Five to ten years ago', 'Il y a cinq à dix ans', 4],
        ['over_10', 'More than ten years ago', 'Il y a plus de dix ans', 5],
      ),
    ),
    choice(
      'her_countries',
      'heritage',
      t(
        'In how many foreign countries have you sold in the last three years?',
        'Dans combien de pays étrangers avez-vous vendu ces trois dernières années ?',
      ),
      scored(
        ['none', 'None', 'Aucun', 0],
        ['one', 'One', 'Un', 2],
        ['2_4', 'Two to four', 'Deux à quatre', 3],
        ['5_9', 'Five to nine', 'Cinq à neuf', 4],
        ['10_plus', 'Ten or more', 'Dix ou plus', 5],
      ),
    ),
    choice(
      'her_projects',
      'heritage',
      t(
        'Have you taken part in international research or space programmes?',
        'Avez-vous participé à des programmes internationaux de recherche ou spatiaux ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['one', 'Once, as a partner', 'Une fois, comme partenaire', 3],
        ['several', 'Several times', 'Plusieurs fois', 4],
        ['led', 'We have led one', 'Nous en avons coordonné un', 5],
      ),
    ),
    scale(
      'her_results',
      'heritage',
      t(
        'How satisfied are you with the results of your ventures abroad so far?',
        'Êtes-vous satisfait des résultats de vos démarches à l’étranger jusqu’ici ?',
      ),
      { question: 'her_years', anyOf: ['recent', '2_5', '5_10', 'over_10'] },
    ),
    choice(
      'her_presence',
      'heritage',
      t('Do you have a permanent presence abroad?', 'Avez-vous une présence permanente à l’étranger ?'),
      scored(
        ['none', 'No', 'Non', 0],
        ['agent', 'An agent or a distributor', 'Un agent ou un distributeur', 3],
        ['office', 'A sales office or representative', 'Un bureau commercial ou un représentant', 4],
        ['subsidiary', 'A subsidiary', 'Une filiale', 5],
      ),
    ),
  ],
};

const relationships: Section = {
  key: 'relationships',
  title: t('Your relationships abroad', 'Vos relations à l’étranger'),
  questions: [
    choice(
      'rel_customers',
      'relationships',
      t('Do you have customers abroad?', 'Avez-vous des clients à l’étranger ?'),
      scored(
        ['none', 'No', 'Non', 0],
        ['one_off', 'Only one-off orders', 'Seulement des commandes ponctuelles', 2],
        ['few', 'A few regular customers', 'Quelques clients réguliers', 4],
        ['many', 'Many regular customers', 'De nombreux clients réguliers', 5],
      ),
    ),
    choice(
      'rel_partners',
      'relationships',
      t(
        'Do you work with industrial or research partners abroad?',
        'Travaillez-vous avec des partenaires industriels ou de recherche à l’étranger ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['informal', 'Informal contacts only', 'Seulement des contacts informels', 2],
        ['one', 'One partner under an agreement', 'Un partenaire sous accord', 4],
        ['several', 'Several partners under agreements', 'Plusieurs partenaires sous accord', 5],
      ),
    ),
    grid(
      'rel_quality',
      'relationships',
      t('How would you rate these relationships for…', 'Comment jugez-vous ces relations pour…'),
      rows(
        ['trust', 'mutual trust', 'la confiance mutuelle'],
        ['contact', 'regular contact', 'la régularité des échanges'],
        ['insight', 'what they teach you about their market', 'ce qu’elles vous apprennent de leur marché'],
      ),
      { question: 'rel_partners', anyOf: ['informal', 'one', 'several'] },
    ),
    choice(
      'rel_suppliers',
      'relationships',
      t('Do you buy from suppliers abroad?', 'Achetez-vous auprès de fournisseurs étrangers ?'),
      scored(
        ['none', 'No', 'Non', 0],
        ['occasional', 'Occasionally', 'Occasionnellement', 2],
        ['regular', 'Regularly', 'Régulièrement', 4],
        ['strategic', 'Some are strategic partners', 'Certains sont des partenaires stratégiques', 5],
      ),
    ),
    several(
      'rel_networks',
      'relationships',
      t('Which networks abroad are you part of?', 'De quels réseaux à l’étranger faites-vous partie ?'),
      scored(
        [
          'association',
          'An international trade association',
          'Une association professionnelle internationale',
          2,
        ],
        ['clusters', 'A network of clusters across borders', 'Un réseau de clusters transfrontalier', 2],
        ['chamber', 'A chamber of commerce abroad', 'Une chambre de commerce à l’étranger', 1],
        ['business_network', 'A business support network', 'Un réseau d’accompagnement des entreprises', 1],
        ['none', 'None', 'Aucun', 0],
      ),
      { help: t('Choose all that apply.', 'Cochez tout ce qui s’applique.') },
    ),
    choice(
      'rel_events',
      'relationships',
      t(
        'How often do you attend fairs or business meetings abroad?',
        'À quelle fréquence participez-vous à des salons ou rencontres d’affaires à l’étranger ?',
      ),
      scored(
        ['never', 'Never', 'Jamais', 0],
        ['once', 'About once a year', 'Environ une fois par an', 2],
        ['few', 'Two or three times a year', 'Deux ou trois fois par an', 4],
        ['often', 'Four times a year or more', 'Quatre fois par an ou plus', 5],
      ),
    ),
    choice(
      'rel_institutions',
      'relationships',
      t(
        'Are you in touch with public bodies abroad (agencies, embassies, trade offices)?',
        'Êtes-vous en contact avec des organismes publics à l’étranger (agences, ambassades, bureaux commerciaux) ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['occasional', 'Occasionally', 'Occasionnellement', 2],
        ['regular', 'Regularly', 'Régulièrement', 4],
        ['close', 'We work closely with some', 'Nous travaillons étroitement avec certains', 5],
      ),
    ),
  ],
};

const offerings: Section = {
  key: 'offerings',
  title: t('Your offering', 'Votre offre'),
  questions: [
    choice(
      'off_edge',
      'offerings',
      t('What sets your main offering apart?', 'Qu’est-ce qui distingue votre offre principale ?'),
      scored(
        ['nothing', 'Nothing in particular yet', 'Rien de particulier pour l’instant', 0],
        ['price', 'Its price', 'Son prix', 2],
        ['quality', 'Its quality and reliability', 'Sa qualité et sa fiabilité', 3],
        ['unique', 'A technology few others have', 'Une technologie que peu d’autres maîtrisent', 5],
      ),
    ),
    choice(
      'off_maturity',
      'offerings',
      t(
        'How mature is your main product or service?',
        'Quelle est la maturité de votre produit ou service principal ?',
      ),
      scored(
        ['none', 'Not defined yet', 'Pas encore défini', 0],
        ['research', 'Research (TRL 1–3)', 'Recherche (TRL 1–3)', 1],
        ['prototype', 'Prototype (TRL 4–6)', 'Prototype (TRL 4–6)', 3],
        ['qualified', 'Qualified (TRL 7–8)', 'Qualifié (TRL 7–8)', 4],
        ['proven', 'Proven in operation (TRL 9)', 'Éprouvé en opération (TRL 9)', 5],
      ),
    ),
    choice(
      'off_adapted',
      'offerings',
      t(
        'Is your offering adapted to foreign markets (standards, certification, language)?',
        'Votre offre est-elle adaptée aux marchés étrangers (normes, certification, langue) ?',
      ),
      scored(
        ['not_considered', 'We have not looked at it', 'Nous ne l’avons pas étudié', 0],
        ['major', 'It needs substantial work', 'Elle demande un travail important', 1],
        ['minor', 'It needs minor changes', 'Elle demande de petits ajustements', 3],
        [
          'ready',
          'It is already sold or certified abroad',
          'Elle est déjà vendue ou certifiée à l’étranger',
          5,
        ],
      ),
    ),
    grid(
      'off_compare',
      'offerings',
      t(
        'Compared with foreign competitors, how strong is your offering on…',
        'Face aux concurrents étrangers, quelle est la force de votre offre sur…',
      ),
      rows(
        ['price', 'price', 'le prix'],
        ['performance', 'performance', 'la performance'],
        ['delivery', 'delivery times', 'les délais de livraison'],
        ['support', 'after-sales support', 'le service après-vente'],
      ),
      { question: 'off_adapted', anyOf: ['major', 'minor', 'ready'] },
    ),
    choice(
      'off_ip',
      'offerings',
      t(
        'Is your intellectual property protected abroad?',
        'Votre propriété intellectuelle est-elle protégée à l’étranger ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['home', 'Only at home', 'Seulement dans notre pays', 1],
        ['filed', 'Applications filed abroad', 'Des demandes déposées à l’étranger', 3],
        ['granted', 'Granted in our target markets', 'Accordée dans nos marchés cibles', 5],
      ),
    ),
    choice(
      'off_materials',
      'offerings',
      t(
        'Is your sales material available in foreign languages?',
        'Vos supports commerciaux existent-ils en langues étrangères ?',
      ),
      scored(
        ['none', 'No', 'Non', 0],
        ['partial', 'Partly, in English', 'En partie, en anglais', 2],
        ['english', 'All of it, in English', 'Entièrement, en anglais', 4],
        [
          'local',
          'In English and our target markets’ languages',
          'En anglais et dans les langues de nos marchés cibles',
          5,
        ],
      ),
    ),
  ],
};

const means: Section = {
  key: 'means',
  title: t('Your means', 'Vos moyens'),
  questions: [
    choice(
      'means_budget',
      'means',
      t(
        'How much do you set aside each year for international business?',
        'Quel budget annuel consacrez-vous à l’international ?',
      ),
      scored(
        ['none', 'Nothing', 'Rien', 0],
        ['under_10k', 'Less than €10,000', 'Moins de 10 000 €', 2],
        ['10k_50k', '€10,000 to €50,000', '10 000 € à 50 000 €', 3],
        ['50k_150k', '€50,000 to €150,000', '50 000 € à 150 000 €', 4],
        ['over_150k', 'More than €150,000', 'Plus de 150 000 €', 5],
      ),
    ),
    choice(
      'means_staff',
      'means',
      t(
        'How many people work on international business (full-time equivalent)?',
        'Combien de personnes travaillent sur l’international (équivalent temps plein) ?',
      ),
      scored(
        ['none', 'Nobody', 'Personne', 0],
        ['under_half', 'Less than half a person', 'Moins d’un mi-temps', 2],
        ['one', 'Half to one person', 'D’un mi-temps à une personne', 3],
        ['team', 'One to three people', 'Une à trois personnes', 4],
        ['large', 'More than three people', 'Plus de trois personnes', 5],
      ),
    ),
    grid(
      'means_adequacy',
      'means',
      t(
        'How well do your means cover what going abroad asks of you in…',
        'Vos moyens couvrent-ils ce que l’international vous demande en…',
      ),
      rows(
        ['time', 'staff time', 'temps du personnel'],
        ['money', 'money', 'argent'],
        ['tools', 'tools (CRM, translation, market data)', 'outils (CRM, traduction, données de marché)'],
        ['advice', 'legal and financial advice', 'conseil juridique et financier'],
      ),
      { question: 'means_staff', anyOf: ['under_half', 'one', 'team', 'large'] },
    ),
    choice(
      'means_finance',
      'means',
      t(
        'Could you finance a first year of work abroad before it pays back?',
        'Pourriez-vous financer une première année à l’étranger avant qu’elle ne rapporte ?',
      ),
      scored(
        ['no', 'No', 'Non', 0],
        ['with_help', 'Only with outside funding', 'Seulement avec un financement extérieur', 2],
        ['partly', 'Partly from our own funds', 'En partie sur fonds propres', 4],
        ['yes', 'Yes, from our own funds', 'Oui, sur fonds propres', 5],
      ),
    ),
    choice(
      'means_capacity',
      'means',
      t(
        'Could you deliver extra orders from abroad with your current capacity?',
        'Pourriez-vous honorer des commandes étrangères supplémentaires avec votre capacité actuelle ?',
      ),
      scored(
        ['no', 'No', 'Non', 0],
        ['investment', 'Only after investing', 'Seulement après investissement', 2],
        ['some', 'Some, yes', 'En partie, oui', 4],
        ['ample', 'Yes, easily', 'Oui, sans difficulté', 5],
      ),
    ),
    several(
      'means_support',
      'means',
      t(
        'Which public support for going abroad have you used?',
        'Quels dispositifs publics d’aide à l’international avez-vous utilisés ?',
      ),
      scored(
        ['insurance', 'Export credit insurance', 'L’assurance-crédit à l’export', 2],
        ['regional', 'Regional grants', 'Des aides régionales', 2],
        ['eu', 'European funding', 'Des financements européens', 2],
        ['agency', 'A trade promotion agency', 'Une agence de promotion du commerce extérieur', 2],
        ['none', 'None', 'Aucun', 0],
      ),
      { help: t('Choose all that apply.', 'Cochez tout ce qui s’applique.') },
    ),
    choice(
      'means_digital',
      'means',
      t(
        'Can a foreign buyer find and understand you online?',
        'Un acheteur étranger peut-il vous trouver et vous comprendre en ligne ?',
      ),
      scored(
        ['no', 'No', 'Non', 0],
        ['basic', 'A basic page in English', 'Une page sommaire en anglais', 2],
        ['site', 'A full website in English', 'Un site complet en anglais', 4],
        [
          'targeted',
          'Websites and channels aimed at our markets',
          'Des sites et canaux ciblant nos marchés',
          5,
        ],
      ),
    ),
  ],
};

const engagement: Section = {
  key: 'engagement',
  title: t('The management’s engagement', 'L’engagement de la direction'),
  questions: [
    choice(
      'eng_strategy',
      'engagement',
      t('Do you have an international strategy?', 'Avez-vous une stratégie internationale ?'),
      scored(
        ['none', 'No', 'Non', 0],
        ['ideas', 'Ideas, not written down', 'Des idées, non formalisées', 2],
        ['written', 'A written plan', 'Un plan écrit', 4],
        ['reviewed', 'A written plan, reviewed every year', 'Un plan écrit, revu chaque année', 5],
      ),
    ),
    scale(
      'eng_priority',
      'engagement',
      t(
        'International growth is one of the management’s top priorities.',
        'La croissance internationale est l’une des premières priorités de la direction.',
      ),
      { question: 'eng_strategy', anyOf: ['ideas', 'written', 'reviewed'] },
    ),
    choice(
      'eng_discussed',
      'engagement',
      t(
        'How often does the management discuss international business?',
        'À quelle fréquence la direction aborde-t-elle l’international ?',
      ),
      scored(
        ['never', 'Never', 'Jamais', 0],
        ['yearly', 'Once a year', 'Une fois par an', 2],
        ['quarterly', 'Every quarter', 'Chaque trimestre', 4],
        ['monthly', 'Every month', 'Chaque mois', 5],
      ),
    ),
    choice(
      'eng_time',
      'engagement',
      t(
        'What share of the head of the company’s time goes to international business?',
        'Quelle part de son temps le dirigeant consacre-t-il à l’international ?',
      ),
      scored(
        ['none', 'None', 'Aucune', 0],
        ['under_5', 'Less than 5%', 'Moins de 5 %', 2],
        ['5_15', '5% to 15%', '5 % à 15 %', 4],
        ['over_15', 'More than 15%', 'Plus de 15 %', 5],
      ),
    ),
    choice(
      'eng_patience',
      'engagement',
      t(
        'How long are you prepared to invest abroad before seeing returns?',
        'Combien de temps êtes-vous prêt à investir à l’étranger avant d’en voir les fruits ?',
      ),
      scored(
        ['not', 'We are not prepared to', 'Nous n’y sommes pas prêts', 0],
        ['one_year', 'Up to a year', 'Jusqu’à un an', 2],
        ['three_years', 'One to three years', 'Un à trois ans', 4],
        ['longer', 'More than three years', 'Plus de trois ans', 5],
      ),
    ),
    choice(
      'eng_owners',
      'engagement',
      t(
        'How do your owners or investors see international growth?',
        'Comment vos actionnaires ou investisseurs voient-ils la croissance internationale ?',
      ),
      scored(
        ['against', 'Against it, or never discussed', 'Défavorables, ou jamais abordé', 0],
        ['neutral', 'Neutral', 'Neutres', 2],
        ['supportive', 'Supportive', 'Favorables', 4],
        ['demanding', 'They expect it', 'Ils l’attendent', 5],
      ),
    ),
    choice(
      'eng_joint',
      'engagement',
      t(
        'Would you commit staff time to the cluster’s joint actions abroad (missions, shared stands)?',
        'Engageriez-vous du temps de vos équipes dans les actions collectives du cluster à l’étranger (missions, stands partagés) ?',
      ),
      scored(
        ['no', 'No', 'Non', 0],
        ['maybe', 'Perhaps', 'Peut-être', 2],
        ['yes', 'Yes, from time to time', 'Oui, de temps en temps', 4],
        ['co_fund', 'Yes, and we would share the costs', 'Oui, et nous partagerions les coûts', 5],
      ),
    ),
  ],
};

const needs: Section = {
  key: 'needs',
  title: t('What you miss and what you need', 'Ce qui vous manque et ce dont vous avez besoin'),
  description: t('These questions are not scored.', 'Ces questions ne sont pas notées.'),
  questions: [
    {
      key: 'gaps',
      type: 'multiple_choice',
      label: t(
        'What do you miss most to succeed abroad?',
        'Que vous manque-t-il le plus pour réussir à l’étranger ?',
      ),
      required: false,
      options: plain(
        ['knowledge', 'Knowledge of the markets', 'La connaissance des marchés'],
        ['contacts', 'Contacts and partners', 'Des contacts et des partenaires'],
        ['skills', 'Staff with the right skills', 'Du personnel qualifié'],
        ['funding', 'Funding', 'Des financements'],
        ['certification', 'Certification of our products', 'La certification de nos produits'],
        ['languages', 'Languages and cultural know-how', 'Les langues et la connaissance des cultures'],
        [
          'legal',
          'Legal and export-control advice',
          'Du conseil juridique et sur le contrôle des exportations',
        ],
        ['time', 'Time of the management', 'Du temps de la direction'],
      ),
    },
    {
      key: 'support_wanted',
      type: 'multiple_choice',
      label: t(
        'Which support from the cluster would help you most?',
        'Quel soutien du cluster vous aiderait le plus ?',
      ),
      required: false,
      options: plain(
        ['studies', 'Market studies', 'Des études de marché'],
        ['matchmaking', 'Matchmaking events', 'Des rendez-vous d’affaires'],
        ['missions', 'Trade missions and study visits', 'Des missions commerciales et visites d’étude'],
        ['training', 'Training', 'Des formations'],
        ['soft_landing', 'Soft landing in a target country', 'Un accueil d’implantation dans un pays cible'],
        ['fairs', 'A shared stand at fairs', 'Un stand partagé sur les salons'],
        ['partners', 'Finding partners', 'La recherche de partenaires'],
      ),
    },
    {
      key: 'commitment_days',
      type: 'number',
      label: t(
        'How many person-days could you give to the cluster’s international actions next year?',
        'Combien de jours-personne pourriez-vous consacrer l’an prochain aux actions internationales du cluster ?',
      ),
      required: false,
      min: 0,
      max: 250,
    },
    {
      key: 'gaps_detail',
      type: 'text',
      label: t(
        'Anything else we should know about your plans or needs?',
        'Autre chose à nous dire sur vos projets ou vos besoins ?',
      ),
      required: false,
    },
  ],
};

export function defaultReadinessQuestionnaire(): DefaultQuestionnaire {
  const definition: QuestionnaireDefinition = {
    languages: ['en', 'fr'],
    sections: [motivation, competencies, heritage, relationships, offerings, means, engagement, needs],
  };
  return {
    name: 'Internationalisation readiness',
    description:
      'A self-assessment of your readiness to do business abroad over six dimensions (after the CHROME framework), ' +
      'with your motivation, drivers, commitment and capability gaps. About 20 minutes.',
    // A fresh copy each time: callers may adapt it without changing the next one.
    definition: structuredClone(definition),
  };
}

import type { InstrumentDefinition } from './types.ts';

/**
 * The 17 internationalisation instruments of SPACE2ID D4.2, section 1, transcribed from
 * `shared/seed/space2id-d4.2-internationalisation-instruments.txt`.
 *
 * Texts (name, description, benefits, business model, budget text, KPI labels) are the seed's
 * wording exactly: only whitespace is normalised and the HTML (`<p>`, `<ul …>`, `•`) stripped;
 * the seed's spelling is kept ("Space2iD", "stake holders", "founded"…). Each budget item's
 * `source` (or a `note`'s `text`) is a phrase of that instrument's budget text. The funding
 * sources are derived from the business model (and from explicit funding statements of the budget
 * text); the comment above each list names the words they come from.
 *
 * `catalogue.test.ts` checks all of this against the seed file itself.
 */
export const D42_INSTRUMENTS: readonly InstrumentDefinition[] = [
  // 1.1.1 Training to go international
  {
    code: '1.1.1',
    key: 'training-to-go-international',
    phase: 'preparatory',
    name: 'Training to go international',
    description:
      'The internationalisation of activities is not a common practice of cluster members, especially for SMEs. A need for preparation and skills development is therefore identified before engaging a foreign market. Short and intense preparatory trainings will be proposed in the frame of Space2ID to develop skills in: 1. Cultural tips and local business landscape, 2. Good local business practices, 3. Funding and support of opportunities, 4. IP',
    benefits: [
      'Skills development of exporting SMEs',
      'Preparation and gain of time',
      'Adaptation to new markets',
    ],
    businessModel:
      'The training will be provided by voluntary stake holders (SMEs having already experienced local business, embassies or consulates, regional innovation agencies)',
    // "provided by voluntary stake holders" → external_other
    fundingSources: ['external_other'],
    budget: {
      text: 'Coordination and organisation activity by clusters: 4 days of work for the preparation of 1 training package',
      items: [
        {
          kind: 'effort_days_per_unit',
          days: 4,
          unit: 'training_package',
          source: '4 days of work for the preparation of 1 training package',
        },
      ],
    },
    kpis: [{ key: 'trainings', label: 'Number of trainings', kind: 'count', unit: 'trainings' }],
  },
  // 1.1.2 Branding Toolkits
  {
    code: '1.1.2',
    key: 'branding-toolkits',
    phase: 'preparatory',
    name: 'Branding Toolkits',
    description:
      'Branding toolkits will be developed in order to highlight the European team effect of Space2ID delegations. A logo and joint communication kit will therefore support the internationalisation actions. Digital material and hardcopies can be created to be shared and promote the project in every possible way. Modern communication best practices have to be used to ensure effectiveness.',
    benefits: [
      'Visibility and brand effect',
      'Reaching broader audience as a common front',
      'Attraction of potential partners',
      'Strengthening public presence',
    ],
    businessModel:
      'Mostly funded by European public funding sources. Possible need of contracting a specialised agency to attain professional results.',
    // "European public funding sources" → eu_programme; "contracting a specialised agency" → external_other
    fundingSources: ['eu_programme', 'external_other'],
    budget: {
      text: 'Coordination and preparation by clusters: 20 days of work.',
      items: [
        {
          kind: 'effort_days_per_unit',
          days: 20,
          unit: 'toolkit',
          source: 'Coordination and preparation by clusters: 20 days of work',
        },
      ],
    },
    kpis: [
      {
        key: 'promotional_material_shared',
        label: 'Promotional material shared',
        kind: 'count',
        unit: 'items',
      },
      {
        key: 'social_media_website_analytics',
        label: 'Social media/website analytics',
        kind: 'count',
        unit: 'views',
      },
    ],
  },
  // 1.1.3 Study Visits
  {
    code: '1.1.3',
    key: 'study-visits',
    phase: 'preparatory',
    name: 'Study Visits',
    description:
      'Study visits, or fact-finding missions, are cluster led initiatives that enable to prepare the field for future actions that involve SMEs. Clusters have the opportunity to go and meet intermediates such as clusters, agencies, chambers of commerce, etc. in targeted regions. Potential partners may also be visited to initiate market research and first discussions. Study visits allow getting first key contacts that will be used for venue of exporting SMEs.',
    benefits: [
      'In situ perspective of the market',
      'Creation of a local network',
      'Initiation of first contacts',
      'Preparation of future visits of EU SMEs',
    ],
    businessModel: 'This activity will be funded by clusters or public European funding.',
    // "funded by clusters" → cluster; "public European funding" → eu_programme
    fundingSources: ['eu_programme', 'cluster'],
    budget: {
      text: 'Need to cover costs for journey, accommodation, nutrition, marketing material. Coordination and organisation activity by clusters: 8 days per mission Travel and mission costs: 2-3 clusters representatives per target region',
      items: [
        {
          kind: 'effort_days_per_unit',
          days: 8,
          unit: 'mission',
          source: 'Coordination and organisation activity by clusters: 8 days per mission',
        },
        {
          kind: 'travellers_per_mission',
          min: 2,
          max: 3,
          who: 'cluster representatives',
          source: 'Travel and mission costs: 2-3 clusters representatives per target region',
        },
        {
          kind: 'cost_categories',
          categories: ['travel', 'accommodation', 'food_beverage', 'marketing_material'],
          source: 'Need to cover costs for journey, accommodation, nutrition, marketing material',
        },
      ],
    },
    kpis: [
      { key: 'contacts_mapped', label: 'Number of contacts mapped', kind: 'count', unit: 'contacts' },
      {
        key: 'potential_partners_estimated',
        label: 'Estimation of potential partners',
        kind: 'count',
        unit: 'partners',
      },
      { key: 'remarks_on_visited_market', label: 'Remarks on visited market', kind: 'text', unit: null },
    ],
  },
  // 1.1.4 Newsletter
  {
    code: '1.1.4',
    key: 'newsletter',
    phase: 'preparatory',
    name: 'Newsletter',
    description:
      'A newsletter issued by clusters could be jointly diffused to SMEs supported by Space2iD strand. The content will be based on Space2iD strand 1 analysis, geographical and market news, key facts and figures. Initially, this opportunity could be used for a wider audience of actors so that SMEs can benefit from Space2iD services.',
    benefits: ['Access to regular news on geographical targets, specific markets and topics.'],
    businessModel: 'Produced by clusters and accessible via a yearly subscription.',
    // "Produced by clusters" → cluster; "accessible via a yearly subscription" → subscriptions
    fundingSources: ['cluster', 'subscriptions'],
    budget: {
      text: '4 days of work per month for a monthly issue',
      items: [
        {
          kind: 'recurring_days_per_month',
          days: 4,
          unit: 'issue',
          source: '4 days of work per month for a monthly issue',
        },
      ],
    },
    kpis: [{ key: 'subscribers', label: 'Number of subscribers', kind: 'count', unit: 'subscribers' }],
  },
  // 1.1.5 Innovation Clubs
  {
    code: '1.1.5',
    key: 'innovation-clubs',
    phase: 'preparatory',
    name: 'Innovation Clubs',
    description:
      'Innovation Clubs are organised meetings among various stakeholders, such as Primes, SMEs and R&D centres that act as the ideal platform for brainstorming on new innovative projects and collaboration opportunities. They are also useful for collective analytical studies on new markets and strategic planning on new partners approaching procedure.',
    benefits: [
      'Improve networking',
      'Introduction of new ideas and/or projects for new markets',
      'Sharing experiences and knowledge',
      'Preparation for further collaboration',
    ],
    businessModel:
      'Innovation Clubs are more effective when organised by clusters as they have technical experience on bringing partners together. Broad participation and strategic topics selection are necessary for fruitful results.',
    // "organised by clusters" → cluster (the budget's "covered by budget funds" names no payer, so no eu_programme)
    fundingSources: ['cluster'],
    budget: {
      text: 'Such meetings can take place online without serious costs. If not, the cost for room, f&b and materials can be covered by budget funds. At least one day of meetings needed for each foreign market targeted.',
      items: [
        {
          kind: 'min_days_per_unit',
          days: 1,
          unit: 'foreign_market',
          source: 'At least one day of meetings needed for each foreign market targeted',
        },
        {
          kind: 'cost_categories',
          categories: ['stand_room_rental', 'food_beverage', 'marketing_material'],
          source: 'the cost for room, f&b and materials can be covered by budget funds',
        },
        { kind: 'note', text: 'Such meetings can take place online without serious costs.' },
      ],
    },
    kpis: [
      { key: 'participants', label: 'Number of participants', kind: 'count', unit: 'participants' },
      { key: 'feasible_new_ideas', label: 'Number of feasible new ideas', kind: 'count', unit: 'ideas' },
      {
        key: 'new_collaborations',
        label: 'Number of new collaborations',
        kind: 'count',
        unit: 'collaborations',
      },
    ],
  },
  // 1.1.6 Validation Surveys
  {
    code: '1.1.6',
    key: 'validation-surveys',
    phase: 'preparatory',
    name: 'Validation Surveys',
    description:
      "Validation Surveys enable the cluster organisation to examine what has been achieved so as to determine what further steps are needed to reach necessary development level before starting the planning and implementation of a cluster internationalisation programme. Essentially, these surveys are addressed to the clusters' members.",
    benefits: [
      'To benchmark performance of cluster',
      'To benchmark performance within the cluster development programme',
      'To assess if the motivation for internationalisation is clear and understood',
      'To understand and identify the main drivers for internationalisation',
      'To assess readiness for internationalisation',
      'To have evidence of the level of commitment of partners',
      'To understand what needs to be improved or to be added to your capabilities and capacities',
    ],
    businessModel:
      'Clusters have the administrative tools to contact all partners directly and collect their reactions to a Validation Survey. Broad participation and a well-structured questionnaire are needed to assure the reality level of the results.',
    // "Clusters have the administrative tools" (run by the cluster) → cluster
    fundingSources: ['cluster'],
    budget: {
      text: "Modern surveys are run through inexpensive online tools that do not burden clusters' budget.",
      items: [
        {
          kind: 'note',
          text: "Modern surveys are run through inexpensive online tools that do not burden clusters' budget.",
        },
      ],
    },
    kpis: [
      {
        key: 'members_participating',
        label: 'Number of members participating',
        kind: 'count',
        unit: 'members',
      },
      { key: 'quality_of_facts', label: 'Quality of facts received', kind: 'rating', unit: '1–5' },
      { key: 'variety_of_answers', label: 'Variety of answers received', kind: 'rating', unit: '1–5' },
    ],
  },
  // 1.2.1 Matchmaking Events (B2B/C2C/B2I)
  {
    code: '1.2.1',
    key: 'matchmaking-events',
    phase: 'leads',
    name: 'Matchmaking Events (B2B/C2C/B2I)',
    description:
      'Matchmaking events are opportunities for clusters or companies to have first contacts and explore potential opportunities. These events are perfect for pre-sales action and market visibility. In order to have a maximum efficiency, participation to such events must be well organized.',
    benefits: [
      'Meeting existing and new customers',
      'Promotion of new products through live presentations',
      'Visibility and network extension',
    ],
    businessModel:
      'Such events can be organised by public entities such as the European Commission and various stakeholders. The remaining costs (trips and travels) can be covered by projects or self-funding resources.',
    // "European Commission" and "covered by projects" → eu_programme; "self-funding resources" → member_self_funding; "various stakeholders" → external_other
    fundingSources: ['eu_programme', 'member_self_funding', 'external_other'],
    budget: {
      text: 'The budget depends on the country and events taking place. Order of magnitude: 1500€ for the participation of one entity (travel included) to such an event.',
      items: [
        {
          kind: 'fee_per_entity',
          amountEur: 1500,
          includes: ['travel'],
          orderOfMagnitude: true,
          source:
            'Order of magnitude: 1500€ for the participation of one entity (travel included) to such an event',
        },
        {
          kind: 'depends_on',
          factors: ['country', 'events'],
          source: 'The budget depends on the country and events taking place',
        },
      ],
    },
    kpis: [
      { key: 'contacts', label: 'Number of contacts', kind: 'count', unit: 'contacts' },
      {
        key: 'communication_initiatives',
        label: 'Number of communication initiatives',
        kind: 'count',
        unit: 'initiatives',
      },
    ],
  },
  // 1.2.2 Roadshows
  {
    code: '1.2.2',
    key: 'roadshows',
    phase: 'leads',
    name: 'Roadshows',
    description:
      "A roadshow is a series of meetings and presentations by companies' executives to potential associates in order to explore possible collaborations. It is intended to provide an introduction of the available business products and services through presentations, marketing material and personal contact. The roadshow moves across many locations that are scheduled in advance and completed over a specific time period. The events may include multimedia presentations and Q&A sessions with companies' representatives, in addition to private meetings. It covers a variety of topics including history and future growth plans. It provides a forum where the companies can communicate directly with potential stakeholders to address any concerns.",
    benefits: [
      'Generating interest and excitement about future professional cooperation',
      'Impressing foreign potential stakeholders/collaborators/associates increasing the possibilities for future collaborations',
      'Providing the opportunity to create a personal contact with management teams and executives',
      'Learning more about local business and economic environment',
    ],
    businessModel:
      'Part of the cost can be covered by the project budget. Members participating may cover the rest as part of their budget for (direct) advertising, public relations and investments for growth. National or regional funding may be used too.',
    // "covered by the project budget" → eu_programme; "Members participating may cover the rest" → member_self_funding; "National or regional funding" → national_regional
    fundingSources: ['eu_programme', 'member_self_funding', 'national_regional'],
    budget: {
      text: 'Need to cover journey cost (tickets and transportation), accommodation, f&b and marketing material. A local agent (business development ambassador, a specialized company or institution diplomat) is needed to facilitate the success of such events.',
      items: [
        {
          kind: 'cost_categories',
          categories: ['travel', 'accommodation', 'food_beverage', 'marketing_material'],
          source:
            'Need to cover journey cost (tickets and transportation), accommodation, f&b and marketing material',
        },
        {
          kind: 'cost_categories',
          categories: ['external_services'],
          source:
            'A local agent (business development ambassador, a specialized company or institution diplomat) is needed',
        },
        {
          kind: 'note',
          text: 'A local agent (business development ambassador, a specialized company or institution diplomat) is needed to facilitate the success of such events.',
        },
      ],
    },
    kpis: [
      { key: 'meetings', label: 'Number of meetings', kind: 'count', unit: 'meetings' },
      { key: 'new_contacts', label: 'Number of new contacts', kind: 'count', unit: 'contacts' },
      { key: 'new_partners', label: 'Number of new partners', kind: 'count', unit: 'partners' },
    ],
  },
  // 1.2.3 Trade Fairs
  {
    code: '1.2.3',
    key: 'trade-fairs',
    phase: 'leads',
    name: 'Trade Fairs',
    description:
      'Demonstrating technological and scientific excellence while attending networking events is vital for business growth. In trade fairs, members of clusters can achieve both and many more, as these are the melting pots for collaborations and industry progress. Openness and a high level of professionalism in dealing with contacts are essential as developing trust is primarily about people. So, initial contact has to be face to face and mutual learning and peer coaching can be useful in developing further contacts.',
    benefits: [
      'Demonstrating products and services',
      'Identifying current trends in each industry',
      'Meeting new partners',
      'Exploring possible collaborations',
      'Expanding professional network',
    ],
    businessModel:
      'Populated participation is always better. Part of the cost can be covered by the project budget. Members participating may cover the rest as part of their budget for (direct) advertising, public relations and investments for growth. National or regional funding may be used too.',
    // "covered by the project budget" → eu_programme; "Members participating may cover the rest" → member_self_funding; "National or regional funding" → national_regional
    fundingSources: ['eu_programme', 'member_self_funding', 'national_regional'],
    budget: {
      text: 'Need to cover for journey, accommodation, f&b, marketing material and rooms/stand rental. Highly dependent on the events.',
      items: [
        {
          kind: 'cost_categories',
          categories: ['travel', 'accommodation', 'food_beverage', 'marketing_material', 'stand_room_rental'],
          source: 'Need to cover for journey, accommodation, f&b, marketing material and rooms/stand rental',
        },
        { kind: 'depends_on', factors: ['the events'], source: 'Highly dependent on the events' },
      ],
    },
    kpis: [
      { key: 'products_sold', label: 'Number of products sold', kind: 'count', unit: 'products' },
      { key: 'new_contacts', label: 'Number of new contacts', kind: 'count', unit: 'contacts' },
      { key: 'new_partners', label: 'Number of new partners', kind: 'count', unit: 'partners' },
      {
        key: 'people_informed_about_products',
        label: 'Number of people informed about products promoted',
        kind: 'count',
        unit: 'people',
      },
    ],
  },
  // 1.2.4 Key International Events/Conferences
  {
    code: '1.2.4',
    key: 'international-events-conferences',
    phase: 'leads',
    name: 'Key International Events/Conferences',
    description:
      'To identify opportunities successfully, cluster organisations need information on global market opportunities and threats. Participation in international events is a fundamental tool to achieve this. Physical presence offers an effective opportunity to meet potential interested collaborators and declare present at the current events of the market. A number of different types of events can provide information on potential international collaborations. Such events include: conferences, seminars and workshops, meet the buyer events, innovation forums, trade shows and exhibitions.',
    benefits: [
      'Identifying target markets',
      'Introducing products/services to the market',
      'Making contact with potential collaborators, clients and customers',
      'Learning about current trends of the market',
      'Attracting public interest',
    ],
    businessModel:
      'Each member participating under common delegation has specific goals at each event. Populated participation is always better. Part of the cost can be covered by the project budget. Members participating may cover the rest as part of their budget for (direct) advertising, public relations and investments for growth. National or regional funding may be used too.',
    // "covered by the project budget" → eu_programme; "Members participating may cover the rest" → member_self_funding; "National or regional funding" → national_regional
    fundingSources: ['eu_programme', 'member_self_funding', 'national_regional'],
    budget: {
      text: 'Need to cover for journey, accommodation, f&b, marketing material and rooms/stand rental. Highly dependent on the events.',
      items: [
        {
          kind: 'cost_categories',
          categories: ['travel', 'accommodation', 'food_beverage', 'marketing_material', 'stand_room_rental'],
          source: 'Need to cover for journey, accommodation, f&b, marketing material and rooms/stand rental',
        },
        { kind: 'depends_on', factors: ['the events'], source: 'Highly dependent on the events' },
      ],
    },
    kpis: [
      { key: 'people_informed', label: 'Number of people informed', kind: 'count', unit: 'people' },
      { key: 'new_contacts', label: 'Number of new contacts', kind: 'count', unit: 'contacts' },
      { key: 'new_partners', label: 'Number of new partners', kind: 'count', unit: 'partners' },
    ],
  },
  // 1.2.5 Events at home regions
  {
    code: '1.2.5',
    key: 'events-at-home-regions',
    phase: 'leads',
    name: 'Events at home regions',
    description:
      'Internationalisation strategy needs concrete national support. As a result, clusters should participate in public events at their home region in order to attract public attention to grow their professional network and explore possible collaborations or new partner memberships. Also, it is useful for attracting interest of various international stakeholders visiting these events.',
    benefits: [
      'Raising attention of locals on activities',
      'Inform about international opportunities',
      'Expanding networks',
      'Finding new members',
      'Exploring possible partnerships',
    ],
    businessModel:
      'Individual members and clusters should participate in local events in accordance with a collective promotion plan. Populated participation is always better and more effective. Part of the cost can be covered by the project budget. Members participating may cover the rest as part of their budget for (direct) advertising, public relations and investments for growth. National or regional funding may be used too.',
    // "covered by the project budget" → eu_programme; "Members participating may cover the rest" → member_self_funding; "National or regional funding" → national_regional
    fundingSources: ['eu_programme', 'member_self_funding', 'national_regional'],
    budget: {
      text: 'Costs are much lower than the equivalents for international participations due to geographic proximity.',
      items: [
        {
          kind: 'note',
          text: 'Costs are much lower than the equivalents for international participations due to geographic proximity.',
        },
      ],
    },
    kpis: [
      { key: 'people_informed', label: 'Number of people informed', kind: 'count', unit: 'people' },
      { key: 'new_contacts', label: 'Number of new contacts', kind: 'count', unit: 'contacts' },
      { key: 'new_members', label: 'Number of new members', kind: 'count', unit: 'members' },
      { key: 'new_partners', label: 'Number of new partners', kind: 'count', unit: 'partners' },
    ],
  },
  // 1.3.1 Mentoring & personalised follow-up
  {
    code: '1.3.1',
    key: 'mentoring-follow-up',
    phase: 'sustain',
    name: 'Mentoring & personalised follow-up',
    description:
      'Internationalisation must be a continuous process and not a one-time action with no follow-up. In this sense, a mentoring and follow-up support action is required from clusters to the service of supported SMEs. Mentoring by persons having already similar experiences will be as well of high interest for SMEs. Case specific follow-up is important to ensure sustainability of collaborations.',
    benefits: [
      'To have a continuous vision of the internationalisation programme',
      'To be supported by a mentor and/or cluster that can provide external insight on the process and results',
      'To evaluate internationalisation progress',
      "To support collaborations' growth",
    ],
    businessModel:
      'Mentors can provide such insights for free to SMEs, motivated by the visibility and potential opportunities such a position can offer. Specialized agencies can be used if necessary.',
    // "Mentors can provide such insights for free" and "Specialized agencies" → external_other
    fundingSources: ['external_other'],
    budget: {
      text: '2 days/month all along the project duration + intervention by mentors when needed',
      items: [
        { kind: 'recurring_days_per_month', days: 2, source: '2 days/month all along the project duration' },
        {
          kind: 'additional_effort',
          who: 'mentors',
          when: 'when needed',
          source: 'intervention by mentors when needed',
        },
      ],
    },
    kpis: [
      {
        key: 'collaborations_sustained',
        label: 'Collaborations sustained',
        kind: 'count',
        unit: 'collaborations',
      },
      {
        key: 'common_projects_completed',
        label: 'Common projects completed',
        kind: 'count',
        unit: 'projects',
      },
    ],
  },
  // 1.3.2 Sales/Marketing Representative
  {
    code: '1.3.2',
    key: 'sales-marketing-representative',
    phase: 'sustain',
    name: 'Sales/Marketing Representative',
    description:
      'A sales/marketing representative is a person who sells products on behalf of a company. Good communication and negotiation skills and the desire to sell are crucial. He/she closely coordinates tasks with company sales staff to manage customer relationships and develops sales plan. He/she identifies the geographical scope of the marketing campaign, profiles of potential customers and projected sales volume. He/she keeps sales records and gives a picture of the performance of the products in the market. To make sure that promotions and public relations initiatives hit their mark, the marketing representative must determine the preferences and needs of his target markets. In the framework of Space2ID, a sales representative could represent various European SMEs having complementary products or services.',
    benefits: [
      'To meet existing and new customers',
      'To make presentations to promote new products',
      'To agree on sales, prices and delivery',
      'To keep in contact with customers before and after a sale',
      'To record orders',
      'To attend conferences to understand industry trends',
      'To identify potential customers, determine which message will resonate with them and promote products and services',
    ],
    businessModel:
      'The consortium should decide on the person with duties to analyse targeted markets and promote its products and services. The cost could be shared by the cluster partnership and the SMEs represented by the sale representatives.',
    // "shared by the cluster partnership" → cluster; "and the SMEs represented" → member_self_funding
    fundingSources: ['cluster', 'member_self_funding'],
    budget: {
      text: 'Depends on the targeted country and the skills of the representative. Promotion campaign budget depends on the planned actions to be implemented.',
      items: [
        {
          kind: 'depends_on',
          factors: ['the targeted country', 'the skills of the representative'],
          source: 'Depends on the targeted country and the skills of the representative',
        },
        { kind: 'note', text: 'Promotion campaign budget depends on the planned actions to be implemented.' },
      ],
    },
    kpis: [
      { key: 'new_customers', label: 'Number of new customers', kind: 'count', unit: 'customers' },
      { key: 'sales_volume_variation', label: 'Volume and variation of sales', kind: 'money', unit: 'EUR' },
      { key: 'customer_satisfaction', label: "Customers' satisfaction", kind: 'rating', unit: '1–5' },
    ],
  },
  // 1.3.3 Ambassador/Staff exchange
  {
    code: '1.3.3',
    key: 'ambassador-staff-exchange',
    phase: 'sustain',
    name: 'Ambassador/Staff exchange',
    description:
      "Staff visits to other cluster initiatives are effective to obtain knowledge about activities in other regions and to build working relationships. Longer visits are necessary to achieve in-depth sharing of expertise and increased knowledge on skills improvement and innovative ideas.\n\nAmbassadors are people who are willing and able to promote companies' products and services. They are open-minded, with strong interest for innovation, a broad range of scientific knowledge and good capacities of communication and teamwork people. They know thoroughly the companies they represent and are ready to study and learn well the targeted market. As responsible for public relations, the ambassadors also represent the public image of their company's products and services.\n\nThe ambassadors from the participating clusters are integrated into the day-to-day operations at the host organisations abroad for a period of 2-3 years. They operate as high-level connectors, ensuring direct access to decision-makers globally. Skilled ambassadors provide international links to other clusters and centres of excellence and open doors to hubs globally. It is a particularly effective means of building trust and identifying new collaborations.\n\nIt takes time to build collaborative links – embedded in innovation eco-systems elsewhere in the world. This requires quite high financial investments and human resource commitment. Staff exchanges are excellent for providing learning by doing. Exchanges can start within a member state and then extended to other countries.",
    benefits: [
      'To identify possible matchings between companies (B2B matchmaking)',
      'To plan and execute the promotion of companies in the target country',
      'To organise B2B meetings in order to explore the potential for future collaborations',
      'To identify potential collaborations for structured research or industrial project initiatives.',
      'To represent companies in conferences',
      'To understand industry trends',
    ],
    businessModel:
      'The consortium should decide on the person with duties to represent all members to the targeted country in a full-time basis.',
    // "The consortium should decide on the person … to represent all members": no payer named; the consortium of clusters → cluster
    fundingSources: ['cluster'],
    budget: {
      text: 'Depends on the targeted country and the skills of the ambassador.',
      items: [
        {
          kind: 'depends_on',
          factors: ['the targeted country', 'the skills of the ambassador'],
          source: 'Depends on the targeted country and the skills of the ambassador',
        },
      ],
    },
    kpis: [
      { key: 'contacts_made', label: 'Contacts made', kind: 'count', unit: 'contacts' },
      {
        key: 'collaborations_facilitated',
        label: 'Collaborations facilitated',
        kind: 'count',
        unit: 'collaborations',
      },
      {
        key: 'common_projects_supported',
        label: 'Common projects supported',
        kind: 'count',
        unit: 'projects',
      },
      {
        key: 'new_opportunities_discovered',
        label: 'New opportunities discovered',
        kind: 'count',
        unit: 'opportunities',
      },
    ],
  },
  // 1.3.4 Market Surveys & Study
  {
    code: '1.3.4',
    key: 'market-surveys-study',
    phase: 'sustain',
    name: 'Market Surveys & Study',
    description:
      'Market Surveys & Study are excellent tools to analyse current market conditions, follow new trends and identify potential hazards. They provide valuable quantitative and qualitative data that can be used not only by cluster members as a tool for marketing optimisation but also by cluster management teams in order to assess the implementation of current plan, make alterations or draft a new one.',
    benefits: [
      'To assess market current condition',
      'To understand new market trends',
      'To recon emerging problems',
      'To support strategic decisions',
    ],
    businessModel:
      'Surveys have to be done by experts on this domain. They could be either members of cluster with adequate expertise or an external company based on targeted market. Results should be disseminated to all interested parts.',
    // budget: "Can be covered by project budget" → eu_programme; "an external company based on targeted market" → external_other
    fundingSources: ['eu_programme', 'external_other'],
    budget: {
      text: 'Depends on the duration, length and depth of the survey and of the size of the targeted market. Can be covered by project budget as part of strategic evaluation.',
      items: [
        {
          kind: 'depends_on',
          factors: ['the duration, length and depth of the survey', 'the size of the targeted market'],
          source:
            'Depends on the duration, length and depth of the survey and of the size of the targeted market',
        },
        { kind: 'note', text: 'Can be covered by project budget as part of strategic evaluation.' },
      ],
    },
    kpis: [
      { key: 'new_knowledge_acquired', label: 'New knowledge acquired', kind: 'text', unit: null },
      { key: 'market_covered', label: 'Percentage of market covered', kind: 'percent', unit: '%' },
      {
        key: 'stakeholder_diversity',
        label: 'Diversity of interested stakeholders',
        kind: 'count',
        unit: 'stakeholder types',
      },
    ],
  },
  // 1.3.5 Soft Landing
  {
    code: '1.3.5',
    key: 'soft-landing',
    phase: 'sustain',
    name: 'Soft Landing',
    description:
      'Soft Landing services are created in order to ensure that members which have not yet accessed the new market can also invest or participate in collaborative projects. As existing networks have to be sustained, creating new partnerships are vital for bringing fresh entrepreneurial air at the market, exchanging expertise and best practices and exploring potential cooperation. It is also a necessary tool to be prepared for future network expansion and ensure growth.',
    benefits: [
      'To grow network',
      'To explore potential collaborations',
      'To create new collaborative projects',
      'To attract new partners',
      'To identify funding opportunities',
    ],
    businessModel:
      'Cluster management team has to draft and implement a soft landing plan carried out by partners and businesses already operating in targeted market and supported by local experts if needed. Actions and activities required depend on each targeted market and on the stage of internationalization achieved.',
    // budget: "covered by internationalisation project budget" → eu_programme; "clusters have to dedicate a budget plan" → cluster; "supported by local experts if needed" → external_other
    fundingSources: ['eu_programme', 'cluster', 'external_other'],
    budget: {
      text: 'Partial cost of activities could be covered by internationalisation project budget. As internationalisation is a lasting progress, clusters have to dedicate a budget plan for ensuring support to soft landing activities.',
      items: [
        {
          kind: 'note',
          text: 'Partial cost of activities could be covered by internationalisation project budget.',
        },
        {
          kind: 'note',
          text: 'As internationalisation is a lasting progress, clusters have to dedicate a budget plan for ensuring support to soft landing activities.',
        },
      ],
    },
    kpis: [
      {
        key: 'new_partners_arrived',
        label: 'Number of new partners arrived.',
        kind: 'count',
        unit: 'partners',
      },
      {
        key: 'collaborative_projects_labelled',
        label: 'Number of collaborative projects labelled.',
        kind: 'count',
        unit: 'projects',
      },
      {
        key: 'new_contacts_for_new_partners',
        label: 'Number of new contacts achieved for new partners.',
        kind: 'count',
        unit: 'contacts',
      },
    ],
  },
  // 1.3.6 Sustaining the networks
  {
    code: '1.3.6',
    key: 'sustaining-the-networks',
    phase: 'sustain',
    name: 'Sustaining the networks',
    description:
      'Developing trust and good relationships requires time and energy. These successful relationships should not be allowed to lapse. Instead, they should be used as a basis for further projects or collaborations. Networks need to have clear deliverables and will in time need to be self-financed. Identifying appropriate partners who share the same goals will lead not only to a successful project but also to follow-on projects. Through careful planning and cooperation, the same group of partners can apply for staged funding from different programmes and demonstrate the progression of the project from concept to commercial benefits to SMEs associated with the partner cluster organisations.',
    benefits: [
      'To maintain relationship with partners',
      'To plan and implement new collaborations',
      'To explore new funding opportunities',
      'To grow benefits for members',
    ],
    businessModel:
      'Cluster Management Team provides each member the capacity to participate in effective networking actions and explore potential collaborations through diverse activities. Broader participation in new projects supporting existing networks offers multiple advantages for further growth.',
    // "Cluster Management Team provides each member the capacity" → cluster; budget: "Members' funding" → member_self_funding; "various international stakeholder" → external_other
    fundingSources: ['cluster', 'member_self_funding', 'external_other'],
    budget: {
      text: "International collaborative projects can be founded by various international stakeholder under the umbrella of research actions or investment activities. Members' funding can be used to promote case-specific projects.",
      items: [
        {
          kind: 'note',
          text: 'International collaborative projects can be founded by various international stakeholder under the umbrella of research actions or investment activities.',
        },
        { kind: 'note', text: "Members' funding can be used to promote case-specific projects." },
      ],
    },
    kpis: [
      {
        key: 'collaborative_projects_completed',
        label: 'Collaborative projects completed successfully.',
        kind: 'count',
        unit: 'projects',
      },
      {
        key: 'collaborative_projects_common_label',
        label: 'Collaborative projects under common label.',
        kind: 'count',
        unit: 'projects',
      },
      {
        key: 'international_partners_in_common_projects',
        label: 'Number of international partners participated in common projects.',
        kind: 'count',
        unit: 'partners',
      },
      {
        key: 'projects_with_international_funding',
        label: 'Projects received international funding.',
        kind: 'count',
        unit: 'projects',
      },
    ],
  },
];

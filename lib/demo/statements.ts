// Demo statements for `npm run demo`, written for Factdesk. Everything in them is invented: the
// Republic of Norvania, its ministries, people, figures and the Meridian Council do not exist.
// They imitate what fact-checkers are handed — official releases and speeches dense with
// checkable figures, dates, resolutions and attributions, some repeated (and drifting) across
// statements so claim matching has something to find.

export type DemoStatement = {
  title: string;
  speaker: string;
  outlet: string;
  url: string;
  publishedAt: string; // ISO date
  language: string;
  text: string;
};

export const DEMO_STATEMENTS: DemoStatement[] = [
  {
    title: "Ministry of Foreign Affairs on the tenth anniversary of the Lake Vessa ceasefire",
    speaker: "Ministry of Foreign Affairs of the Republic of Norvania",
    outlet: "mfa.norvania.example",
    url: "https://mfa.norvania.example/press/2024/03/14/lake-vessa-ceasefire-ten-years",
    publishedAt: "2024-03-14",
    language: "en",
    text: `Statement of the Ministry of Foreign Affairs on the tenth anniversary of the Lake Vessa ceasefire

Orlen, 14 March 2024 — Ten years ago today, on 14 March 2014, the guns fell silent along the shores of Lake Vessa. The Ministry of Foreign Affairs of the Republic of Norvania recalls that the ceasefire was reached only after three Meridian Council resolutions — 41/2011, 47/2012 and 52/2013 — had called for the withdrawal of all foreign forces from the lake districts.

Since the ceasefire, 212 civilians have been killed or injured by unexploded ordnance in the Vessa districts, more than half of them children. Norvanian engineers have cleared 1,840 hectares of farmland, and 96 per cent of the displaced families from the district of Kallemar have returned to their homes.

The Republic of Norvania has kept every commitment it made in 2014. It has not moved a single soldier closer to the line of contact, and it has submitted eleven reports to the Meridian Council's monitoring mission, the most recent in January 2024.

The other side, by contrast, has violated the ceasefire 1,306 times according to the mission's own count, and has not implemented a single one of the three resolutions. As President Aldana Mirec said in her address to the Council in 2022, "a ceasefire that is respected by one party only is an invitation, not a peace."

The Ministry calls on the Meridian Council to renew the monitoring mission for another five years and to publish its full reports, so that the people of the region can judge the facts for themselves.`,
  },
  {
    title: "President Mirec's address to the Meridian Council, 71st session",
    speaker: "Aldana Mirec, President of the Republic of Norvania",
    outlet: "president.norvania.example",
    url: "https://president.norvania.example/speeches/2023-09-21-meridian-council",
    publishedAt: "2023-09-21",
    language: "en",
    text: `Address by President Aldana Mirec to the 71st session of the Meridian Council

Madam Chair, distinguished delegates,

I stand before this Council for the fourth time as President of Norvania. When I first spoke here in 2019, our economy had contracted for two years in a row. Last year it grew by 4.7 per cent, the fastest rate among the eleven member states of this Council, and unemployment fell to 6.2 per cent, its lowest level since independence in 1991.

We did this while hosting more refugees per inhabitant than any other country in the region: 38,000 people, most of them from the Vessa districts, live in Norvania today. Every child among them has a place in a Norvanian school.

Distinguished delegates, this Council adopted three resolutions on Lake Vessa — 41, 47 and 52 — and not one of them has been implemented. For nine years the Council's own monitors have recorded the violations. Nine years of reports, and not one consequence.

Since the ceasefire, more than 200 of our civilians have been killed or maimed by mines left behind on land that was occupied for over twenty years. Each of these victims has a name. I will read three of them at the end of this address.

Norvania does not ask this Council for sympathy. We ask it to enforce the decisions it has already taken. Thank you.`,
  },
  {
    title: "Ministry of Health: national vaccination programme reaches record coverage",
    speaker: "Ministry of Health of the Republic of Norvania",
    outlet: "health.norvania.example",
    url: "https://health.norvania.example/news/2024-01-30-vaccination-coverage",
    publishedAt: "2024-01-30",
    language: "en",
    text: `National vaccination programme reaches record coverage

Orlen, 30 January 2024 — The Ministry of Health announces that measles vaccination coverage among children aged two reached 97.4 per cent in 2023, the highest level ever recorded in Norvania and above the 95 per cent threshold recommended by international health bodies.

Coverage rose from 88.1 per cent in 2019, an increase of more than nine percentage points in four years. The Ministry attributes the rise to the 146 mobile clinics opened since 2020 and to the electronic reminder system introduced in every region in September 2021.

No case of measles was reported in Norvania in 2023, compared with 312 cases in 2019. Minister of Health Dr. Petar Ilesku said: "Every one of those 312 cases was preventable. Today our children are safer than at any time in our history."

Spending on the programme amounted to 18.6 million norvan crowns in 2023, or 0.4 per cent of the health budget. The Ministry estimates that each crown spent on vaccination saves the health system eleven crowns in treatment costs.

The Ministry will publish the regional figures on 15 February 2024.`,
  },
  {
    title: "Ministry of Agriculture: grain harvest and the return of farmland in the Vessa districts",
    speaker: "Ministry of Agriculture of the Republic of Norvania",
    outlet: "agriculture.norvania.example",
    url: "https://agriculture.norvania.example/press/2023-10-05-harvest",
    publishedAt: "2023-10-05",
    language: "en",
    text: `Grain harvest 2023: second-highest on record

Orlen, 5 October 2023 — Norvanian farmers brought in 3.2 million tonnes of grain this year, the second-highest harvest since records began in 1994 and 14 per cent more than in 2022. Only the harvest of 2008, at 3.4 million tonnes, was larger.

The Vessa districts contributed 410,000 tonnes. This land produced nothing for two decades: it was occupied for over twenty years, and after the ceasefire of March 2014 it had first to be cleared of mines. Since then, engineers have returned almost 2,000 hectares of farmland to its owners.

Minister of Agriculture Ivo Dernek said that "half of the young farmers who received start-up grants this year are women", and that the grant programme has supported 1,150 new farms since it began in 2017.

Grain exports reached 1.1 million tonnes, a third of them sold to member states of the Meridian Council. The Ministry expects exports to grow further once the new rail link to the port of Sallin opens in 2025.`,
  },
  {
    title: "Ministry of the Interior on road safety in 2023",
    speaker: "Ministry of the Interior of the Republic of Norvania",
    outlet: "interior.norvania.example",
    url: "https://interior.norvania.example/news/2024-02-12-road-safety",
    publishedAt: "2024-02-12",
    language: "en",
    text: `Road deaths fall for the fifth year in a row

Orlen, 12 February 2024 — 164 people lost their lives on Norvania's roads in 2023, 9 per cent fewer than in 2022 and the fifth consecutive annual fall. In 2018, 259 people died on our roads.

The Ministry of the Interior credits the average-speed cameras installed on the Orlen–Sallin motorway in 2020, where deaths have fallen by 61 per cent since, and the lowering of the legal blood-alcohol limit to 0.2 grams per litre in July 2021.

Norvania now has 31 road deaths per million inhabitants, below the average of the member states of the Meridian Council for the first time. Minister of the Interior Hana Voss said: "We have halved the number of deaths on our roads in a decade, and we will halve it again by 2030."

The Ministry notes that pedestrians accounted for 42 of the deaths in 2023. A programme to light every pedestrian crossing outside towns will start in April 2024 with a budget of 7.5 million norvan crowns.`,
  },
];

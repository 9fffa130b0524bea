"""Text of the demo modules: every string as (Finnish, Swedish, English).

Original text written for the demo. Facts about Finnish law and services are from public
sources (Finlex: the Non-Discrimination Act 1325/2014, the Administrative Procedure Act
434/2003 sections 9 and 26, the Act on the Promotion of Integration 681/2023; Selkokeskus;
InfoFinland). Phrase cards keep each phrase in its own language in every translation.
"""

# ruff: noqa: E501

CATALOGUE = {
    "title": ("Moduulit", "Moduler", "Modules"),
    "slug": ("moduulit", "moduler", "modules"),
    "intro": [
        (
            "Aspa 2030 -ohjelman verkkomoduulit kaupungin asiakaspalvelun henkilöstölle. Pakolliset moduulit näet myös Oma oppiminen -sivulla.",
            "Webbmodulerna i programmet Aspa 2030 för stadens kundtjänstpersonal. De obligatoriska modulerna ser du också på sidan Mitt lärande.",
            "The online modules of the Aspa 2030 programme for the city's customer-service staff. Your required modules are also listed on My learning.",
        )
    ],
}

KEY_TAKEAWAYS = ("Muista nämä", "Kom ihåg", "Remember")

MODULES = [
    # ------------------------------------------------------------------------------------
    {
        "key": "kohtaamisosaaminen",
        "slug": ("kohtaamisosaaminen", "bemotandekompetens", "encounter-competence"),
        "title": (
            "Kohtaamisosaaminen asiakaspalvelussa",
            "Bemötandekompetens i kundtjänsten",
            "Encounter competence in customer service",
        ),
        "summary": (
            "Miten kohtaat jokaisen asukkaan hyvin kielestä, taustasta ja tilanteesta riippumatta: tervehdys, kuunteleminen, kielen valinta ja ymmärryksen varmistaminen.",
            "Hur du bemöter varje invånare väl oavsett språk, bakgrund och situation: hälsning, lyssnande, val av språk och att säkerställa att ni förstått varandra.",
            "How to meet every resident well whatever their language, background or situation: greeting, listening, choosing the language and checking understanding.",
        ),
        "minutes": 30,
        "validity_months": 36,
        "tags": ["kohtaaminen", "asiakaspalvelu"],
        "objectives": [
            (
                "tunnistat hyvän kohtaamisen osat",
                "känna igen delarna i ett gott bemötande",
                "recognise the parts of a good encounter",
            ),
            (
                "osaat kysyä asiakkaalta asiointikielen",
                "kunna fråga kunden vilket språk hen vill använda",
                "ask a customer which language they want to use",
            ),
            (
                "varmistat, että asia tuli ymmärretyksi",
                "säkerställa att ärendet blivit förstått",
                "check that the matter has been understood",
            ),
        ],
        "image": {
            "name": "kohtaaminen",
            "background": "#e8eef8",
            "clothes": "#0a3a7a",
            "people": [(300, "a"), (660, "b")],
            "bubbles": ["Hei!", "Hej! Hello!"],
            "description": "Two people greeting each other across a service counter.",
            "alt": (
                "Asiakaspalvelija ja asiakas tervehtivät toisiaan palvelutiskin yli.",
                "En kundtjänstmedarbetare och en kund hälsar på varandra över disken.",
                "A customer-service worker and a customer greet each other across the counter.",
            ),
        },
        "document": {
            "name": "kohtaamisen-muistilista",
            "text": (
                "HYVÄN KOHTAAMISEN MUISTILISTA / CHECKLISTA FÖR ETT GOTT BEMÖTANDE / CHECKLIST FOR A GOOD ENCOUNTER\n\n"
                "1. Tervehdi ja katso asiakasta. / Hälsa och se på kunden. / Greet and look at the customer.\n"
                "2. Kysy asiointikieli. / Fråga vilket språk kunden vill använda. / Ask which language the customer wants to use.\n"
                "3. Kuuntele loppuun ennen kuin vastaat. / Lyssna klart innan du svarar. / Listen to the end before you answer.\n"
                "4. Puhu selkeästi ja lyhyesti. / Tala tydligt och kort. / Speak clearly and briefly.\n"
                "5. Tarkista, että asia tuli ymmärretyksi. / Kontrollera att ni förstått varandra. / Check that you understood each other.\n"
                "6. Kerro, mitä tapahtuu seuraavaksi. / Berätta vad som händer härnäst. / Say what happens next.\n"
            ),
        },
        "lessons": [
            {
                "slug": ("hyva-kohtaaminen", "ett-gott-bemotande", "a-good-encounter"),
                "title": ("Hyvä kohtaaminen", "Ett gott bemötande", "A good encounter"),
                "body": [
                    (
                        "heading",
                        ("Ensimmäiset sekunnit", "De första sekunderna", "The first seconds"),
                    ),
                    (
                        "text",
                        [
                            (
                                "Asukas päättää usein jo ensimmäisten sekuntien aikana, tuleeko hän kuulluksi. Tervehdys, katse ja rauhallinen ääni kertovat, että asiakas on tervetullut.",
                                "Invånaren avgör ofta redan under de första sekunderna om hen blir hörd. En hälsning, en blick och en lugn röst visar att kunden är välkommen.",
                                "A resident often decides in the first few seconds whether they will be heard. A greeting, eye contact and a calm voice show that the customer is welcome.",
                            ),
                            (
                                "Kohtaamisosaaminen tarkoittaa taitoa kohdata jokainen ihminen yksilönä. Emme oleta kieltä, taustaa tai osaamista ulkonäön, nimen tai aksentin perusteella.",
                                "Bemötandekompetens betyder förmågan att möta varje människa som individ. Vi antar inte språk, bakgrund eller kunskaper utifrån utseende, namn eller brytning.",
                                "Encounter competence means the skill of meeting every person as an individual. We do not assume language, background or knowledge from appearance, name or accent.",
                            ),
                            (
                                "ul",
                                [
                                    (
                                        "Tervehdi ja esittäydy tarvittaessa.",
                                        "Hälsa och presentera dig vid behov.",
                                        "Greet, and introduce yourself when needed.",
                                    ),
                                    (
                                        "Kuuntele asia loppuun ennen kuin vastaat.",
                                        "Lyssna klart innan du svarar.",
                                        "Listen to the end before you answer.",
                                    ),
                                    (
                                        "Kysy, älä oleta.",
                                        "Fråga, anta inte.",
                                        "Ask, do not assume.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                    (
                        "image",
                        {
                            "alt": (
                                "Asiakaspalvelija ja asiakas tervehtivät toisiaan palvelutiskin yli.",
                                "En kundtjänstmedarbetare och en kund hälsar på varandra över disken.",
                                "A customer-service worker and a customer greet each other across the counter.",
                            ),
                            "caption": (
                                "Tervehdys avaa kohtaamisen.",
                                "Hälsningen öppnar mötet.",
                                "The greeting opens the encounter.",
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": ("Kysy kieli", "Fråga om språket", "Ask about the language"),
                            "text": [
                                (
                                    "Kysy asiakkaalta, millä kielellä hän haluaa asioida. Suomi ja ruotsi ovat kaupungin palvelukieliä, ja tulkin voi tilata muille kielille.",
                                    "Fråga kunden vilket språk hen vill använda. Finska och svenska är stadens servicespråk, och tolk kan beställas för andra språk.",
                                    "Ask the customer which language they want to use. Finnish and Swedish are the city's service languages, and an interpreter can be booked for other languages.",
                                )
                            ],
                        },
                    ),
                    (
                        "scenario",
                        {
                            "situation": (
                                "Iäkäs asiakas tulee kirjaston tiskille ja sanoo kiihtyneenä, ettei hänen kirjastokorttinsa toimi automaatissa. Jonossa on muita.",
                                "En äldre kund kommer upprörd till bibliotekets disk och säger att lånekortet inte fungerar i automaten. Det står andra i kön.",
                                "An elderly customer comes to the library desk, upset, and says that their library card does not work in the machine. Others are queuing.",
                            ),
                            "question": (
                                "Miten vastaat ensin?",
                                "Hur svarar du först?",
                                "How do you respond first?",
                            ),
                            "responses": [
                                (
                                    (
                                        "Automaatit toimivat kyllä, kortissa on varmaan vikaa.",
                                        "Automaterna fungerar nog, det är säkert fel på kortet.",
                                        "The machines do work, there must be something wrong with your card.",
                                    ),
                                    False,
                                    (
                                        "Vastaus kiistää asiakkaan kokemuksen ja voi kiihdyttää tilannetta. Aloita kuuntelemalla.",
                                        "Svaret förnekar kundens upplevelse och kan trappa upp situationen. Börja med att lyssna.",
                                        "This denies the customer's experience and can escalate the situation. Start by listening.",
                                    ),
                                ),
                                (
                                    (
                                        "Harmillista, että se ei toiminut. Katsotaan yhdessä, mistä on kyse.",
                                        "Tråkigt att det inte fungerade. Vi tittar tillsammans på vad det handlar om.",
                                        "I'm sorry it did not work. Let's look together at what's going on.",
                                    ),
                                    True,
                                    (
                                        "Tunnustat harmin ja lupaat apua. Asiakas rauhoittuu, kun hän kokee tulleensa kuulluksi.",
                                        "Du erkänner förtreten och lovar hjälp. Kunden lugnar sig när hen känner sig hörd.",
                                        "You acknowledge the frustration and offer help. The customer calms down when they feel heard.",
                                    ),
                                ),
                                (
                                    (
                                        "Menkää jonon perälle, ehdin vasta hetken päästä.",
                                        "Ställ er sist i kön, jag hinner först om en stund.",
                                        "Please go to the back of the queue, I can only help you in a while.",
                                    ),
                                    False,
                                    (
                                        "Jono on todellinen, mutta asiakas tarvitsee ainakin tiedon siitä, milloin ja miten asia hoidetaan.",
                                        "Kön är verklig, men kunden behöver åtminstone veta när och hur ärendet sköts.",
                                        "The queue is real, but the customer at least needs to know when and how the matter will be handled.",
                                    ),
                                ),
                            ],
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Ensivaikutelma syntyy nopeasti.",
                                    "Första intrycket uppstår snabbt.",
                                    "First impressions form quickly.",
                                ),
                                (
                                    "Kysy kieli, älä oleta sitä.",
                                    "Fråga om språket, anta det inte.",
                                    "Ask about the language, do not assume it.",
                                ),
                                (
                                    "Kuuntele ensin, ratkaise sitten.",
                                    "Lyssna först, lös sedan.",
                                    "Listen first, then solve.",
                                ),
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": (
                    "ymmarryksen-varmistaminen",
                    "att-sakerstalla-forstaelsen",
                    "checking-understanding",
                ),
                "title": (
                    "Ymmärryksen varmistaminen",
                    "Att säkerställa förståelsen",
                    "Checking understanding",
                ),
                "body": [
                    (
                        "heading",
                        (
                            "Ymmärsimmekö toisemme?",
                            "Förstod vi varandra?",
                            "Did we understand each other?",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Kysymys Ymmärsittekö? saa usein vastauksen kyllä, vaikka asia jäisi epäselväksi. Pyydä mieluummin asiakasta kertomaan omin sanoin, mitä hän tekee seuraavaksi.",
                                "Frågan Förstod ni? får ofta svaret ja, även om saken förblir oklar. Be hellre kunden berätta med egna ord vad hen gör härnäst.",
                                "The question Did you understand? often gets a yes even when things remain unclear. Instead, ask the customer to say in their own words what they will do next.",
                            ),
                            (
                                "Kirjoita tärkeimmät asiat paperille tai viestiin: päivämäärät, osoitteet ja tarvittavat liitteet.",
                                "Skriv ner det viktigaste på papper eller i ett meddelande: datum, adresser och bilagor som behövs.",
                                "Write down the most important things on paper or in a message: dates, addresses and the attachments needed.",
                            ),
                        ],
                    ),
                    (
                        "video",
                        {
                            "title": (
                                "Ymmärryksen tarkistaminen asiakaspalvelussa",
                                "Att kontrollera förståelsen i kundtjänsten",
                                "Checking understanding in customer service",
                            ),
                            "url": "https://www.infopankki.fi/",
                            "transcript": (
                                "Asiakaspalvelija: Kävimme läpi kolme asiaa. Kertoisitko vielä, mitä teet ensin?\nAsiakas: Tuon palkkatodistuksen perjantaihin mennessä.\nAsiakaspalvelija: Juuri niin. Kirjoitin sen tähän lapulle.",
                                "Kundtjänstmedarbetaren: Vi gick igenom tre saker. Kan du berätta vad du gör först?\nKunden: Jag lämnar in lönebeskedet senast på fredag.\nKundtjänstmedarbetaren: Precis. Jag skrev det på den här lappen.",
                                "Customer-service worker: We went through three things. Could you tell me what you will do first?\nCustomer: I will bring my pay slip by Friday.\nCustomer-service worker: Exactly. I wrote it down on this note.",
                            ),
                        },
                    ),
                    (
                        "rewrite",
                        {
                            "original": (
                                "Asian vireillepano edellyttää tarvittavien selvitysten toimittamista määräaikaan mennessä.",
                                "För att ärendet ska kunna inledas krävs att nödvändiga utredningar lämnas in inom utsatt tid.",
                                "Initiation of the matter requires the submission of the necessary documentation within the deadline.",
                            ),
                            "rewrite": (
                                "Tuo palkkatodistus perjantaihin mennessä, niin voimme aloittaa asiasi käsittelyn.",
                                "Lämna in lönebeskedet senast på fredag, så kan vi börja behandla ditt ärende.",
                                "Bring your pay slip by Friday so that we can start handling your case.",
                            ),
                            "note": (
                                "Kerro, mitä asiakkaan pitää tehdä ja mihin mennessä.",
                                "Säg vad kunden ska göra och när.",
                                "Say what the customer needs to do and by when.",
                            ),
                        },
                    ),
                    (
                        "phrases",
                        {
                            "meaning": (
                                "Voitko kertoa omin sanoin, mitä teet seuraavaksi?",
                                "Kan du berätta med egna ord vad du gör härnäst?",
                                "Can you tell me in your own words what you will do next?",
                            ),
                            "phrases": [
                                ("fi", "Voitko kertoa omin sanoin, mitä teet seuraavaksi?", ""),
                                ("sv", "Kan du berätta med egna ord vad du gör härnäst?", ""),
                                (
                                    "en",
                                    "Can you tell me in your own words what you will do next?",
                                    "",
                                ),
                            ],
                        },
                    ),
                    (
                        "document",
                        {
                            "title": (
                                "Hyvän kohtaamisen muistilista",
                                "Checklista för ett gott bemötande",
                                "Checklist for a good encounter",
                            ),
                            "description": (
                                "Tulosta tiskin viereen (suomi, ruotsi, englanti).",
                                "Skriv ut och sätt vid disken (finska, svenska, engelska).",
                                "Print it for your desk (Finnish, Swedish, English).",
                            ),
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Pyydä asiakasta kertomaan omin sanoin.",
                                    "Be kunden berätta med egna ord.",
                                    "Ask the customer to say it in their own words.",
                                ),
                                (
                                    "Kirjoita tärkeimmät asiat ylös.",
                                    "Skriv ner det viktigaste.",
                                    "Write down the most important things.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------
    {
        "key": "yhdenvertaisuus",
        "slug": (
            "yhdenvertaisuus-palvelupisteella",
            "likabehandling-pa-servicestallet",
            "non-discrimination-at-a-service-point",
        ),
        "title": (
            "Monimuotoisuus ja yhdenvertaisuus palvelupisteellä",
            "Mångfald och likabehandling på servicestället",
            "Diversity and non-discrimination at a service point",
        ),
        "summary": (
            "Mitä yhdenvertaisuuslaki velvoittaa kaupungin asiakaspalvelussa: syrjinnän muodot, kohtuulliset mukautukset ja velvollisuus edistää yhdenvertaisuutta.",
            "Vad diskrimineringslagen kräver i stadens kundtjänst: formerna av diskriminering, rimliga anpassningar och skyldigheten att främja likabehandling.",
            "What the Non-Discrimination Act requires in the city's customer service: forms of discrimination, reasonable accommodation and the duty to promote equality.",
        ),
        "minutes": 40,
        "validity_months": 36,
        "tags": ["yhdenvertaisuus", "lainsäädäntö"],
        "objectives": [
            (
                "tunnet yhdenvertaisuuslain keskeiset velvoitteet",
                "känna till diskrimineringslagens centrala skyldigheter",
                "know the key duties of the Non-Discrimination Act",
            ),
            (
                "tunnistat välittömän ja välillisen syrjinnän",
                "känna igen direkt och indirekt diskriminering",
                "recognise direct and indirect discrimination",
            ),
            (
                "osaat tehdä kohtuullisen mukautuksen palvelutilanteessa",
                "kunna göra en rimlig anpassning i en servicesituation",
                "make a reasonable accommodation in a service situation",
            ),
        ],
        "image": {
            "name": "yhdenvertaisuus",
            "background": "#e5f3e8",
            "clothes": "#1e6b34",
            "people": [(180, "a"), (480, "b"), (780, "a")],
            "bubbles": [],
            "description": "Three people of different backgrounds in a queue at a service point.",
            "alt": (
                "Kolme eri-ikäistä ja -taustaista asiakasta jonottaa palvelupisteellä.",
                "Tre kunder i olika åldrar och med olika bakgrund köar på ett serviceställe.",
                "Three customers of different ages and backgrounds queue at a service point.",
            ),
        },
        "document": {
            "name": "yhdenvertaisuus-tarkistuslista",
            "text": (
                "YHDENVERTAISUUS PALVELUPISTEELLÄ / LIKABEHANDLING PÅ SERVICESTÄLLET / NON-DISCRIMINATION AT A SERVICE POINT\n\n"
                "Yhdenvertaisuuslaki 1325/2014 – Diskrimineringslag 1325/2014 – Non-Discrimination Act 1325/2014\n\n"
                "- Onko palvelu saavutettava kaikille? / Är servicen tillgänglig för alla? / Is the service accessible to all?\n"
                "- Estääkö jokin käytäntö joitakin ryhmiä käyttämästä palvelua? / Hindrar någon praxis vissa grupper från att använda servicen? / Does any practice keep some groups from using the service?\n"
                "- Miten asiakas voi pyytää mukautusta? / Hur kan kunden be om anpassning? / How can a customer ask for an accommodation?\n"
                "- Kenelle ilmoitat syrjinnästä? / Till vem anmäler du diskriminering? / To whom do you report discrimination?\n"
            ),
        },
        "lessons": [
            {
                "slug": (
                    "laki-ja-syrjinnan-muodot",
                    "lagen-och-formerna-av-diskriminering",
                    "the-act-and-forms-of-discrimination",
                ),
                "title": (
                    "Laki ja syrjinnän muodot",
                    "Lagen och formerna av diskriminering",
                    "The Act and the forms of discrimination",
                ),
                "body": [
                    ("heading", ("Mitä laki sanoo", "Vad lagen säger", "What the Act says")),
                    (
                        "text",
                        [
                            (
                                "Yhdenvertaisuuslaki (1325/2014) kieltää syrjinnän iän, alkuperän, kansalaisuuden, kielen, uskonnon, vakaumuksen, mielipiteen, poliittisen toiminnan, ammattiyhdistystoiminnan, perhesuhteiden, terveydentilan, vammaisuuden, seksuaalisen suuntautumisen tai muun henkilöön liittyvän syyn perusteella.",
                                "Diskrimineringslagen (1325/2014) förbjuder diskriminering på grund av ålder, ursprung, medborgarskap, språk, religion, övertygelse, åsikt, politisk verksamhet, fackföreningsverksamhet, familjeförhållanden, hälsotillstånd, funktionsnedsättning, sexuell läggning eller någon annan omständighet som gäller den enskilda som person.",
                                "The Non-Discrimination Act (1325/2014) prohibits discrimination based on age, origin, nationality, language, religion, belief, opinion, political activity, trade union activity, family relationships, state of health, disability, sexual orientation or other personal characteristics.",
                            ),
                            (
                                "Syrjintää on välitön ja välillinen syrjintä, häirintä, kohtuullisten mukautusten epääminen sekä ohje tai käsky syrjiä.",
                                "Diskriminering är direkt och indirekt diskriminering, trakasserier, vägran att göra rimliga anpassningar samt instruktioner eller order att diskriminera.",
                                "Discrimination means direct and indirect discrimination, harassment, denial of reasonable accommodation, and an instruction or order to discriminate.",
                            ),
                            (
                                "Viranomaisella on lisäksi velvollisuus edistää yhdenvertaisuutta: arvioida, miten palvelut toteutuvat eri ihmisille, ja korjata havaitut epäkohdat.",
                                "Myndigheterna har dessutom en skyldighet att främja likabehandling: att bedöma hur servicen fungerar för olika människor och rätta till brister som upptäcks.",
                                "Authorities also have a duty to promote equality: to assess how their services work for different people and to correct the shortcomings they find.",
                            ),
                        ],
                    ),
                    (
                        "image",
                        {
                            "alt": (
                                "Kolme eri-ikäistä ja -taustaista asiakasta jonottaa palvelupisteellä.",
                                "Tre kunder i olika åldrar och med olika bakgrund köar på ett serviceställe.",
                                "Three customers of different ages and backgrounds queue at a service point.",
                            ),
                            "caption": (
                                "Sama palvelu jokaiselle, tarvittaessa eri tavoin.",
                                "Samma service för alla, vid behov på olika sätt.",
                                "The same service for everyone, in different ways when needed.",
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "important",
                            "title": (
                                "Välillinen syrjintä",
                                "Indirekt diskriminering",
                                "Indirect discrimination",
                            ),
                            "text": [
                                (
                                    "Näennäisesti sama sääntö kaikille voi syrjiä. Jos ajanvaraus onnistuu vain verkossa suomeksi, se sulkee pois monia asukkaita, vaikka sääntö koskee kaikkia.",
                                    "En regel som ser likadan ut för alla kan diskriminera. Om tidsbokning bara går på webben på finska utesluter den många invånare, fast regeln gäller alla.",
                                    "A rule that seems the same for everyone can discriminate. If appointments can only be booked online in Finnish, many residents are shut out even though the rule applies to all.",
                                )
                            ],
                        },
                    ),
                    (
                        "scenario",
                        {
                            "situation": (
                                "Asiakas kysyy huivi päässä, voiko hän asioida naispuolisen työntekijän kanssa. Naispuolinen kollega on vapaana.",
                                "En kund med huvudduk frågar om hon kan sköta ärendet med en kvinnlig anställd. En kvinnlig kollega är ledig.",
                                "A customer wearing a headscarf asks whether she could be served by a female employee. A female colleague is free.",
                            ),
                            "question": ("Mitä teet?", "Vad gör du?", "What do you do?"),
                            "responses": [
                                (
                                    (
                                        "Kerron, että meillä palvellaan kaikkia samalla tavalla, eikä toiveita voi huomioida.",
                                        "Jag säger att vi betjänar alla på samma sätt och att önskemål inte kan beaktas.",
                                        "I say that we serve everyone the same way and that wishes cannot be taken into account.",
                                    ),
                                    False,
                                    (
                                        "Yhdenvertaisuus ei tarkoita jäykkää samanlaisuutta. Kun toive on helppo täyttää, sen täyttäminen on hyvää palvelua.",
                                        "Likabehandling betyder inte stel likformighet. När ett önskemål är lätt att uppfylla är det god service att uppfylla det.",
                                        "Equality does not mean rigid sameness. When a wish is easy to meet, meeting it is good service.",
                                    ),
                                ),
                                (
                                    (
                                        "Pyydän vapaana olevaa kollegaa palvelemaan asiakasta.",
                                        "Jag ber den lediga kollegan att betjäna kunden.",
                                        "I ask the free colleague to serve the customer.",
                                    ),
                                    True,
                                    (
                                        "Pieni järjestely, joka ei heikennä muiden palvelua. Jos kollegaa ei olisi ollut vapaana, olisit kertonut vaihtoehdot asiallisesti.",
                                        "Ett litet arrangemang som inte försämrar servicen för andra. Om ingen kollega hade varit ledig hade du sakligt berättat om alternativen.",
                                        "A small arrangement that does not weaken the service for others. Had no colleague been free, you would have explained the options politely.",
                                    ),
                                ),
                            ],
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Syrjintä voi olla myös välillistä.",
                                    "Diskriminering kan också vara indirekt.",
                                    "Discrimination can also be indirect.",
                                ),
                                (
                                    "Viranomaisen pitää edistää yhdenvertaisuutta.",
                                    "Myndigheten ska främja likabehandling.",
                                    "An authority must promote equality.",
                                ),
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": (
                    "kohtuulliset-mukautukset",
                    "rimliga-anpassningar",
                    "reasonable-accommodation",
                ),
                "title": (
                    "Kohtuulliset mukautukset käytännössä",
                    "Rimliga anpassningar i praktiken",
                    "Reasonable accommodation in practice",
                ),
                "body": [
                    (
                        "heading",
                        (
                            "Mukautus on palvelua",
                            "Anpassning är service",
                            "Accommodation is service",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Vammaisella henkilöllä on oikeus kohtuullisiin mukautuksiin, jotta hän voi asioida yhdenvertaisesti. Mukautus voi olla esimerkiksi rauhallisempi tila, lisäaika, kirjallinen yhteenveto tai tulkki.",
                                "En person med funktionsnedsättning har rätt till rimliga anpassningar för att kunna sköta sina ärenden på lika villkor. En anpassning kan till exempel vara ett lugnare rum, mer tid, en skriftlig sammanfattning eller en tolk.",
                                "A person with a disability has the right to reasonable accommodation so that they can use services on an equal basis. An accommodation can be a quieter room, more time, a written summary or an interpreter.",
                            ),
                            (
                                "Yhdenvertaisuusvaltuutettu valvoo lain noudattamista ja neuvoo syrjintää kokeneita.",
                                "Diskrimineringsombudsmannen övervakar att lagen följs och ger råd till den som upplevt diskriminering.",
                                "The Non-Discrimination Ombudsman supervises compliance with the Act and advises people who have experienced discrimination.",
                            ),
                        ],
                    ),
                    (
                        "video",
                        {
                            "title": (
                                "Yhdenvertaisuusvaltuutetun neuvonta",
                                "Diskrimineringsombudsmannens rådgivning",
                                "Advice from the Non-Discrimination Ombudsman",
                            ),
                            "url": "https://syrjinta.fi/",
                            "transcript": (
                                "Kertoja: Jos koet syrjintää, voit ottaa yhteyttä yhdenvertaisuusvaltuutettuun. Neuvonta on maksutonta ja luottamuksellista. Palvelupisteellä voit kertoa asiakkaalle tästä mahdollisuudesta.",
                                "Berättare: Om du upplever diskriminering kan du kontakta diskrimineringsombudsmannen. Rådgivningen är kostnadsfri och konfidentiell. På servicestället kan du berätta om den här möjligheten för kunden.",
                                "Narrator: If you experience discrimination, you can contact the Non-Discrimination Ombudsman. The advice is free and confidential. At the service point you can tell the customer about this option.",
                            ),
                        },
                    ),
                    (
                        "rewrite",
                        {
                            "original": (
                                "Erityisjärjestelyjä koskevat pyynnöt tulee osoittaa palveluyksikölle kirjallisesti hyvissä ajoin ennen asiointia.",
                                "Begäranden om särskilda arrangemang ska riktas skriftligen till serviceenheten i god tid före besöket.",
                                "Requests concerning special arrangements shall be addressed to the service unit in writing well in advance of the visit.",
                            ),
                            "rewrite": (
                                "Tarvitsetko rauhallisen tilan, lisäaikaa tai tulkin? Kerro siitä meille, niin järjestämme sen.",
                                "Behöver du ett lugnt rum, mer tid eller en tolk? Säg till, så ordnar vi det.",
                                "Do you need a quiet room, more time or an interpreter? Tell us and we will arrange it.",
                            ),
                            "note": (
                                "Kysymys kutsuu kertomaan tarpeesta, ja lupaus kertoo, mitä tapahtuu.",
                                "Frågan bjuder in till att berätta om behovet, och löftet säger vad som händer.",
                                "The question invites people to tell their needs, and the promise says what happens.",
                            ),
                        },
                    ),
                    (
                        "phrases",
                        {
                            "meaning": (
                                "Tarvitsetko jotain, jotta asiointi sujuu helpommin?",
                                "Behöver du något för att ärendet ska gå lättare?",
                                "Do you need anything to make this easier for you?",
                            ),
                            "phrases": [
                                ("fi", "Tarvitsetko jotain, jotta asiointi sujuu helpommin?", ""),
                                ("sv", "Behöver du något för att ärendet ska gå lättare?", ""),
                                ("en", "Do you need anything to make this easier for you?", ""),
                                (
                                    "ru",
                                    "Вам что-нибудь нужно, чтобы было удобнее?",
                                    "vam shto-nibud nuzhno, shtoby bylo udobneye",
                                ),
                            ],
                        },
                    ),
                    (
                        "document",
                        {
                            "title": (
                                "Yhdenvertaisuuden tarkistuslista",
                                "Checklista för likabehandling",
                                "Non-discrimination checklist",
                            ),
                            "description": (
                                "Käy lista läpi tiimisi kanssa.",
                                "Gå igenom listan med ditt team.",
                                "Go through the list with your team.",
                            ),
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Kysy, mitä asiakas tarvitsee.",
                                    "Fråga vad kunden behöver.",
                                    "Ask what the customer needs.",
                                ),
                                (
                                    "Mukautuksen epääminen voi olla syrjintää.",
                                    "Att vägra anpassning kan vara diskriminering.",
                                    "Denying accommodation can be discrimination.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------
    {
        "key": "selkea-kieli",
        "slug": ("selkokieli-ja-selkea-kieli", "lattlast-och-klarsprak", "easy-and-plain-language"),
        "title": (
            "Selkokieli ja selkeä kieli asiakaspalvelussa",
            "Lättläst språk och klarspråk i kundtjänsten",
            "Easy Language and plain language in customer service",
        ),
        "summary": (
            "Hallintolaki velvoittaa viranomaiset käyttämään asiallista, selkeää ja ymmärrettävää kieltä. Opit, milloin tarvitaan selkeää kieltä ja milloin selkokieltä.",
            "Förvaltningslagen kräver att myndigheterna använder ett sakligt, klart och begripligt språk. Du lär dig när det behövs klarspråk och när lättläst språk.",
            "The Administrative Procedure Act requires authorities to use appropriate, clear and comprehensible language. You learn when plain language is needed and when Easy Language.",
        ),
        "minutes": 35,
        "validity_months": None,
        "tags": ["kieli", "selkokieli"],
        "objectives": [
            (
                "erotat selkokielen ja selkeän kielen",
                "skilja mellan lättläst språk och klarspråk",
                "tell Easy Language and plain language apart",
            ),
            (
                "osaat muokata virkakieltä selkeämmäksi",
                "kunna göra myndighetsspråk klarare",
                "rewrite official language more clearly",
            ),
        ],
        "image": {
            "name": "selkea-kieli",
            "background": "#fff4dc",
            "clothes": "#7a4a00",
            "people": [(480, "a")],
            "bubbles": ["Lyhyesti.", "Selvästi."],
            "description": "A person reading a short, clearly laid-out letter.",
            "alt": (
                "Henkilö lukee lyhyttä kirjettä, jossa on väljä rivitys ja selkeät otsikot.",
                "En person läser ett kort brev med luftig radbrytning och tydliga rubriker.",
                "A person reads a short letter with spacious lines and clear headings.",
            ),
        },
        "document": {
            "name": "selkea-kieli-ohje",
            "text": (
                "SELKEÄN KIELEN OHJE / KLARSPRÅKSGUIDE / PLAIN LANGUAGE GUIDE\n\n"
                "- Tärkein asia ensin. / Det viktigaste först. / The most important thing first.\n"
                "- Puhuttele lukijaa: sinä, te. / Tilltala läsaren: du, ni. / Address the reader: you.\n"
                "- Käytä verbejä, vältä substantiivitautia. / Använd verb, undvik substantivsjuka. / Use verbs, avoid noun-heavy style.\n"
                "- Yksi asia yhdessä virkkeessä. / En sak i varje mening. / One thing in each sentence.\n"
                "- Selitä termit. / Förklara termer. / Explain terms.\n"
            ),
        },
        "lessons": [
            {
                "slug": ("kaksi-eri-asiaa", "tva-olika-saker", "two-different-things"),
                "title": (
                    "Selkokieli ja selkeä kieli: kaksi eri asiaa",
                    "Lättläst och klarspråk: två olika saker",
                    "Easy Language and plain language: two different things",
                ),
                "body": [
                    (
                        "heading",
                        ("Kenelle kirjoitat?", "Vem skriver du för?", "Who are you writing for?"),
                    ),
                    (
                        "text",
                        [
                            (
                                "Selkeä kieli on hyvää yleiskieltä, jota jokainen ymmärtää helpommin. Hallintolain 9 § velvoittaa viranomaiset käyttämään asiallista, selkeää ja ymmärrettävää kieltä.",
                                "Klarspråk är god allmänspråklig text som alla förstår lättare. Enligt 9 § i förvaltningslagen ska myndigheterna använda ett sakligt, klart och begripligt språk.",
                                "Plain language is good standard language that everyone understands more easily. Section 9 of the Administrative Procedure Act requires authorities to use appropriate, clear and comprehensible language.",
                            ),
                            (
                                "Selkokieli on vielä helpompaa kieltä niille, joille yleiskieli on vaikeaa: esimerkiksi kieltä opetteleville, muistisairaille tai ihmisille, joilla on kehitysvamma. Selkokeskus arvioi, että Suomessa selkokieltä tarvitsee satoja tuhansia ihmisiä.",
                                "Lättläst språk är ännu lättare språk för dem som tycker att allmänspråket är svårt: till exempel den som lär sig språket, personer med minnessjukdom eller med intellektuell funktionsnedsättning. Selkokeskus uppskattar att hundratusentals människor i Finland behöver lättläst språk.",
                                "Easy Language is even simpler language for people who find standard language hard: for example language learners, people with memory disorders or with intellectual disabilities. The Finnish Centre for Easy Language estimates that hundreds of thousands of people in Finland need it.",
                            ),
                        ],
                    ),
                    (
                        "image",
                        {
                            "alt": (
                                "Henkilö lukee lyhyttä kirjettä, jossa on väljä rivitys ja selkeät otsikot.",
                                "En person läser ett kort brev med luftig radbrytning och tydliga rubriker.",
                                "A person reads a short letter with spacious lines and clear headings.",
                            ),
                            "caption": (
                                "Väljä ja lyhyt teksti on helpompi lukea.",
                                "En luftig och kort text är lättare att läsa.",
                                "Short, spacious text is easier to read.",
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": ("Puhu selkokieltä", "Tala lättläst", "Speak Easy Language"),
                            "text": [
                                (
                                    "Puhu rauhallisesti, käytä tuttuja sanoja ja yhtä asiaa kerrallaan. Näytä paperilla tai kuvalla, jos mahdollista. Älä puhu kovempaa: se ei auta ymmärtämään.",
                                    "Tala lugnt, använd vanliga ord och en sak i taget. Visa på papper eller med en bild om det går. Tala inte högre: det hjälper inte förståelsen.",
                                    "Speak calmly, use familiar words and one thing at a time. Show it on paper or with a picture if you can. Do not speak louder: it does not help understanding.",
                                )
                            ],
                        },
                    ),
                    (
                        "scenario",
                        {
                            "situation": (
                                "Suomea opetteleva asiakas näyttää kirjettä, jossa lukee: Päätös on lainvoimainen, ellei siihen haeta muutosta määräajassa.",
                                "En kund som lär sig finska visar ett brev där det står: Beslutet vinner laga kraft om ändring inte söks inom utsatt tid.",
                                "A customer learning Finnish shows a letter that says: The decision becomes final unless an appeal is lodged within the time limit.",
                            ),
                            "question": (
                                "Miten selität kirjeen?",
                                "Hur förklarar du brevet?",
                                "How do you explain the letter?",
                            ),
                            "responses": [
                                (
                                    (
                                        "Luen lauseen uudelleen hitaammin.",
                                        "Jag läser meningen igen långsammare.",
                                        "I read the sentence again more slowly.",
                                    ),
                                    False,
                                    (
                                        "Vaikeat sanat pysyvät vaikeina, vaikka ne luettaisiin hitaasti.",
                                        "Svåra ord förblir svåra även om de läses långsamt.",
                                        "Difficult words stay difficult even when read slowly.",
                                    ),
                                ),
                                (
                                    (
                                        "Sanon: Jos et ole samaa mieltä päätöksestä, voit valittaa. Aikaa on 30 päivää. Näytän päivämäärän kirjeestä.",
                                        "Jag säger: Om du inte håller med om beslutet kan du överklaga. Du har 30 dagar. Jag visar datumet i brevet.",
                                        "I say: If you do not agree with the decision, you can appeal. You have 30 days. I show the date in the letter.",
                                    ),
                                    True,
                                    (
                                        "Kerrot saman asian tutuilla sanoilla ja näytät tärkeimmän tiedon. Tarkista aina kirjeestä oikea määräaika.",
                                        "Du säger samma sak med vanliga ord och visar den viktigaste uppgiften. Kontrollera alltid rätt tidsfrist i brevet.",
                                        "You say the same thing in familiar words and show the key information. Always check the correct time limit in the letter.",
                                    ),
                                ),
                            ],
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Selkeä kieli kuuluu kaikille.",
                                    "Klarspråk gäller alla.",
                                    "Plain language is for everyone.",
                                ),
                                (
                                    "Selkokieli on lisäpalvelu niille, jotka sitä tarvitsevat.",
                                    "Lättläst språk är en extra service för dem som behöver det.",
                                    "Easy Language is an extra service for those who need it.",
                                ),
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": (
                    "virkakielesta-selkeaksi",
                    "fran-byrakratiska-till-klart",
                    "from-official-to-clear",
                ),
                "title": (
                    "Virkakielestä selkeäksi",
                    "Från byråkratiskt till klart",
                    "From official language to clear language",
                ),
                "body": [
                    ("heading", ("Neljä keinoa", "Fyra knep", "Four techniques")),
                    (
                        "text",
                        [
                            (
                                "Kun muokkaat tekstiä selkeämmäksi, kokeile näitä:",
                                "När du gör en text klarare, pröva de här:",
                                "When you make a text clearer, try these:",
                            ),
                            (
                                "ul",
                                [
                                    (
                                        "Tärkein asia ensin.",
                                        "Det viktigaste först.",
                                        "The most important thing first.",
                                    ),
                                    (
                                        "Puhuttele lukijaa.",
                                        "Tilltala läsaren.",
                                        "Address the reader.",
                                    ),
                                    (
                                        "Käytä verbejä substantiivien sijaan.",
                                        "Använd verb i stället för substantiv.",
                                        "Use verbs instead of nouns.",
                                    ),
                                    (
                                        "Yksi asia yhdessä virkkeessä.",
                                        "En sak i varje mening.",
                                        "One thing in each sentence.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                    (
                        "video",
                        {
                            "title": (
                                "Selkouutiset esimerkkinä",
                                "Nyheter på lätt svenska som exempel",
                                "Easy-language news as an example",
                            ),
                            "url": "https://yle.fi/selkouutiset",
                            "transcript": (
                                "Kertoja: Yle julkaisee uutisia selkokielellä joka arkipäivä. Kuuntele, miten lauseet ovat lyhyitä ja sanat tuttuja. Samoja keinoja voit käyttää asiakaspalvelussa.",
                                "Berättare: Yle publicerar nyheter på lättläst språk varje vardag. Lyssna på hur meningarna är korta och orden vanliga. Samma knep kan du använda i kundtjänsten.",
                                "Narrator: Yle publishes news in Easy Language every weekday. Listen to how the sentences are short and the words familiar. You can use the same techniques in customer service.",
                            ),
                        },
                    ),
                    (
                        "rewrite",
                        {
                            "original": (
                                "Asiakkaan on huomioitava, että hakemuksen puutteellisuus saattaa johtaa käsittelyn viivästymiseen.",
                                "Kunden bör beakta att brister i ansökan kan leda till att handläggningen fördröjs.",
                                "The customer should note that deficiencies in the application may result in delays in processing.",
                            ),
                            "rewrite": (
                                "Täytä hakemukseen kaikki kohdat. Muuten käsittely voi viivästyä.",
                                "Fyll i alla punkter i ansökan. Annars kan handläggningen dröja.",
                                "Fill in every part of the application. Otherwise processing may be delayed.",
                            ),
                            "note": (
                                "Käsky ensin, syy perään.",
                                "Uppmaningen först, orsaken efteråt.",
                                "The instruction first, the reason after it.",
                            ),
                        },
                    ),
                    (
                        "phrases",
                        {
                            "meaning": (
                                "Sanon asian vielä toisin sanoin.",
                                "Jag säger det med andra ord.",
                                "Let me say it in other words.",
                            ),
                            "phrases": [
                                ("fi", "Sanon asian vielä toisin sanoin.", ""),
                                ("sv", "Jag säger det med andra ord.", ""),
                                ("en", "Let me say it in other words.", ""),
                                ("et", "Ütlen seda teiste sõnadega.", ""),
                            ],
                        },
                    ),
                    (
                        "document",
                        {
                            "title": (
                                "Selkeän kielen ohje",
                                "Klarspråksguide",
                                "Plain language guide",
                            ),
                            "description": (
                                "Viisi keinoa yhdellä sivulla.",
                                "Fem knep på en sida.",
                                "Five techniques on one page.",
                            ),
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Kerro, mitä lukijan pitää tehdä.",
                                    "Säg vad läsaren ska göra.",
                                    "Say what the reader must do.",
                                ),
                                (
                                    "Lyhyt ei ole epäkohtelias.",
                                    "Kort är inte oartigt.",
                                    "Short is not impolite.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------
    {
        "key": "tulkkaus",
        "slug": ("tulkin-kanssa-tyoskentely", "att-arbeta-med-tolk", "working-with-interpreters"),
        "title": (
            "Tulkin kanssa työskentely ja asiointi muilla kielillä",
            "Att arbeta med tolk och betjäna på andra språk",
            "Working with interpreters and serving residents in other languages",
        ),
        "summary": (
            "Milloin tulkki tilataan, miten tulkattu tapaaminen sujuu ja miksi lapsi tai sukulainen ei ole tulkki.",
            "När en tolk beställs, hur ett tolkat möte går till och varför ett barn eller en släkting inte är tolk.",
            "When to book an interpreter, how an interpreted meeting works and why a child or relative is not an interpreter.",
        ),
        "minutes": 30,
        "validity_months": 36,
        "tags": ["kieli", "tulkkaus"],
        "objectives": [
            (
                "tiedät, milloin tulkki tarvitaan",
                "veta när en tolk behövs",
                "know when an interpreter is needed",
            ),
            (
                "osaat puhua tulkatussa tilanteessa suoraan asiakkaalle",
                "kunna tala direkt till kunden i en tolkad situation",
                "speak directly to the customer in an interpreted meeting",
            ),
        ],
        "image": {
            "name": "tulkkaus",
            "background": "#f2eefa",
            "clothes": "#4b2a7a",
            "people": [(220, "a"), (480, "b"), (740, "a")],
            "bubbles": ["Minä", "Jag / I"],
            "description": "A service worker, a customer and an interpreter sitting at a table.",
            "alt": (
                "Asiakaspalvelija, asiakas ja tulkki istuvat saman pöydän ääressä.",
                "En kundtjänstmedarbetare, en kund och en tolk sitter vid samma bord.",
                "A customer-service worker, a customer and an interpreter sit at the same table.",
            ),
        },
        "document": {
            "name": "tulkatun-tapaamisen-ohje",
            "text": (
                "TULKATTU TAPAAMINEN / TOLKAT MÖTE / INTERPRETED MEETING\n\n"
                "Ennen / Före / Before: varaa aikaa, kerro tulkille aihe. / boka tid, berätta ämnet för tolken. / allow time, tell the interpreter the topic.\n"
                "Aikana / Under / During: puhu asiakkaalle minä-muodossa, lyhyin jaksoin. / tala till kunden i jag-form, i korta avsnitt. / speak to the customer in the first person, in short parts.\n"
                "Jälkeen / Efter / After: tarkista, että asia tuli ymmärretyksi. / kontrollera att ärendet förstods. / check that the matter was understood.\n"
            ),
        },
        "lessons": [
            {
                "slug": ("milloin-tulkki", "nar-behovs-tolk", "when-to-book-an-interpreter"),
                "title": (
                    "Milloin tulkki tarvitaan",
                    "När behövs en tolk",
                    "When an interpreter is needed",
                ),
                "body": [
                    (
                        "heading",
                        (
                            "Oikeus ymmärtää ja tulla ymmärretyksi",
                            "Rätten att förstå och bli förstådd",
                            "The right to understand and be understood",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Hallintolain 26 §:n mukaan viranomaisen on järjestettävä tulkitseminen ja kääntäminen asiassa, joka voi tulla vireille viranomaisen aloitteesta, jos asianosainen ei osaa viranomaisessa käytettävää kieltä. Kaksikielisessä kunnassa jokaisella on oikeus asioida suomeksi tai ruotsiksi.",
                                "Enligt 26 § i förvaltningslagen ska myndigheten ordna tolkning och översättning i ärenden som kan inledas på myndighetens initiativ, om parten inte behärskar det språk som används hos myndigheten. I en tvåspråkig kommun har var och en rätt att använda finska eller svenska.",
                                "Under section 26 of the Administrative Procedure Act, an authority must arrange interpretation and translation in matters that may be initiated by the authority if the party does not know the language used by the authority. In a bilingual municipality everyone has the right to use Finnish or Swedish.",
                            ),
                            (
                                "Tulkki kannattaa tilata aina, kun asia on tärkeä asiakkaalle: terveys, raha, asuminen, lapset tai oikeudet. Ammattitulkkia sitoo vaitiolovelvollisuus ja puolueettomuus.",
                                "Det lönar sig att beställa tolk alltid när ärendet är viktigt för kunden: hälsa, pengar, boende, barn eller rättigheter. En yrkestolk har tystnadsplikt och är opartisk.",
                                "Book an interpreter whenever the matter is important to the customer: health, money, housing, children or rights. A professional interpreter is bound by confidentiality and impartiality.",
                            ),
                        ],
                    ),
                    (
                        "image",
                        {
                            "alt": (
                                "Asiakaspalvelija, asiakas ja tulkki istuvat saman pöydän ääressä.",
                                "En kundtjänstmedarbetare, en kund och en tolk sitter vid samma bord.",
                                "A customer-service worker, a customer and an interpreter sit at the same table.",
                            ),
                            "caption": (
                                "Tulkki voi olla paikalla, puhelimessa tai videolla.",
                                "Tolken kan vara på plats, i telefon eller på video.",
                                "The interpreter can be present, on the phone or on video.",
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "important",
                            "title": (
                                "Lapsi ei ole tulkki",
                                "Ett barn är inte tolk",
                                "A child is not an interpreter",
                            ),
                            "text": [
                                (
                                    "Älä käytä lasta tai sukulaista tulkkina viranomaisasioissa. Lapselle se on liian raskas tehtävä, eikä sukulainen ole puolueeton eikä vaitiolovelvollinen.",
                                    "Använd inte ett barn eller en släkting som tolk i myndighetsärenden. För ett barn är det en för tung uppgift, och en släkting är varken opartisk eller bunden av tystnadsplikt.",
                                    "Do not use a child or relative as an interpreter in official matters. It is too heavy a task for a child, and a relative is neither impartial nor bound by confidentiality.",
                                )
                            ],
                        },
                    ),
                    (
                        "scenario",
                        {
                            "situation": (
                                "Äiti tulee toimeentulotukiasiaan 10-vuotiaan poikansa kanssa ja sanoo, että poika voi tulkata.",
                                "En mamma kommer i ett ärende om utkomststöd med sin tioåriga son och säger att sonen kan tolka.",
                                "A mother comes about a social assistance matter with her ten-year-old son and says that the boy can interpret.",
                            ),
                            "question": ("Mitä teet?", "Vad gör du?", "What do you do?"),
                            "responses": [
                                (
                                    (
                                        "Hoidetaan asia nopeasti pojan avulla, kun kerran hän on paikalla.",
                                        "Vi sköter ärendet snabbt med sonens hjälp eftersom han ändå är här.",
                                        "We handle it quickly with the boy's help since he is here anyway.",
                                    ),
                                    False,
                                    (
                                        "Lapsi joutuu kuulemaan perheen raha-asiat ja kantamaan vastuun käännöksestä. Virheitä ei myöskään huomata.",
                                        "Barnet får höra familjens penningfrågor och bära ansvaret för översättningen. Fel märks inte heller.",
                                        "The child has to hear the family's money matters and carry responsibility for the translation. Mistakes also go unnoticed.",
                                    ),
                                ),
                                (
                                    (
                                        "Tilaan puhelintulkin heti tai varaan uuden ajan tulkin kanssa.",
                                        "Jag beställer en telefontolk genast eller bokar en ny tid med tolk.",
                                        "I book a phone interpreter right away or make a new appointment with an interpreter.",
                                    ),
                                    True,
                                    (
                                        "Asiakas saa luotettavan tulkkauksen, ja lapsi saa olla lapsi. Kerro, että tulkkaus on asiakkaalle maksuton.",
                                        "Kunden får tillförlitlig tolkning, och barnet får vara barn. Berätta att tolkningen är kostnadsfri för kunden.",
                                        "The customer gets reliable interpreting, and the child can be a child. Say that interpreting is free for the customer.",
                                    ),
                                ),
                            ],
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Tilaa tulkki, kun asia on tärkeä.",
                                    "Beställ tolk när ärendet är viktigt.",
                                    "Book an interpreter when the matter is important.",
                                ),
                                (
                                    "Ei lapsia tulkkeina.",
                                    "Inga barn som tolkar.",
                                    "No children as interpreters.",
                                ),
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": ("tulkattu-tapaaminen", "ett-tolkat-mote", "an-interpreted-meeting"),
                "title": ("Tulkattu tapaaminen", "Ett tolkat möte", "An interpreted meeting"),
                "body": [
                    (
                        "heading",
                        (
                            "Puhu asiakkaalle, ei tulkille",
                            "Tala till kunden, inte till tolken",
                            "Speak to the customer, not the interpreter",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Katso asiakasta ja puhu minä-muodossa: Mitä sinulle kuuluu? eikä Kysy häneltä, mitä hänelle kuuluu. Puhu lyhyin jaksoin, jotta tulkki ehtii tulkata kaiken.",
                                "Se på kunden och tala i jag-form: Hur mår du? och inte Fråga henne hur hon mår. Tala i korta avsnitt så att tolken hinner tolka allt.",
                                "Look at the customer and speak in the first person: How are you? rather than Ask her how she is. Speak in short parts so that the interpreter can interpret everything.",
                            ),
                        ],
                    ),
                    (
                        "video",
                        {
                            "title": (
                                "Tulkattu asiointi InfoFinlandissa",
                                "Tolkade ärenden på InfoFinland",
                                "Interpreted services on InfoFinland",
                            ),
                            "url": "https://www.infofinland.fi/",
                            "transcript": (
                                "Kertoja: InfoFinland kertoo monella kielellä, miten Suomessa asioidaan viranomaisten kanssa ja milloin tulkin voi saada. Voit ohjata asiakkaan sivustolle omalla kielellään.",
                                "Berättare: InfoFinland berättar på många språk hur man sköter ärenden med myndigheter i Finland och när man kan få tolk. Du kan hänvisa kunden till webbplatsen på kundens eget språk.",
                                "Narrator: InfoFinland explains in many languages how to deal with authorities in Finland and when an interpreter is available. You can refer the customer to the site in their own language.",
                            ),
                        },
                    ),
                    (
                        "rewrite",
                        {
                            "original": (
                                "Kerro hänelle, että hänen pitää tuoda henkilöllisyystodistus.",
                                "Säg till henne att hon måste ta med ett identitetsbevis.",
                                "Tell her that she needs to bring an identity document.",
                            ),
                            "rewrite": (
                                "Tuothan henkilöllisyystodistuksen mukanasi.",
                                "Ta med ditt identitetsbevis.",
                                "Please bring your identity document.",
                            ),
                            "note": (
                                "Puhu suoraan asiakkaalle minä- ja sinä-muodossa.",
                                "Tala direkt till kunden i jag- och du-form.",
                                "Speak directly to the customer, using I and you.",
                            ),
                        },
                    ),
                    (
                        "phrases",
                        {
                            "meaning": (
                                "Haen meille tulkin.",
                                "Jag ordnar en tolk åt oss.",
                                "I will get an interpreter for us.",
                            ),
                            "phrases": [
                                ("fi", "Haen meille tulkin.", ""),
                                ("sv", "Jag ordnar en tolk åt oss.", ""),
                                ("en", "I will get an interpreter for us.", ""),
                                ("ar", "سأحضر مترجمًا لنا.", "sa-uhdir mutarjiman lana"),
                                ("so", "Waxaan noo keenayaa turjubaan.", ""),
                                (
                                    "uk",
                                    "Я запрошу для нас перекладача.",
                                    "ya zaproshu dlya nas perekladacha",
                                ),
                                (
                                    "ru",
                                    "Я приглашу для нас переводчика.",
                                    "ya priglashu dlya nas perevodchika",
                                ),
                            ],
                        },
                    ),
                    (
                        "document",
                        {
                            "title": (
                                "Tulkatun tapaamisen ohje",
                                "Guide för ett tolkat möte",
                                "Guide to an interpreted meeting",
                            ),
                            "description": (
                                "Ennen, aikana ja jälkeen.",
                                "Före, under och efter.",
                                "Before, during and after.",
                            ),
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                ("Katso asiakasta.", "Se på kunden.", "Look at the customer."),
                                (
                                    "Puhu lyhyin jaksoin.",
                                    "Tala i korta avsnitt.",
                                    "Speak in short parts.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------
    {
        "key": "kotoutumispalvelut",
        "slug": ("uuden-asukkaan-ohjaaminen", "att-vagleda-en-ny-invanare", "guiding-a-newcomer"),
        "title": (
            "Uuden asukkaan ohjaaminen kotoutumispalveluihin",
            "Att vägleda en ny invånare till integrationstjänster",
            "Guiding a newcomer to the right integration services",
        ),
        "summary": (
            "Kuka saa mitäkin palvelua: monikielinen neuvonta kaikille, alkukartoitus ja kotoutumiskoulutus uusille kotoutujille, täydentävät palvelut ja polut työhön ja kieliopintoihin.",
            "Vem får vilken service: flerspråkig rådgivning för alla, inledande kartläggning och integrationsutbildning för nya invandrare, kompletterande tjänster och vägar till arbete och språkstudier.",
            "Who gets which service: multilingual advice for all, initial assessment and integration training for new integration clients, complementary services and paths to work and language study.",
        ),
        "minutes": 45,
        "validity_months": 24,
        "tags": ["kotoutuminen", "ohjaus"],
        "objectives": [
            (
                "tunnet kaupungin kotoutumispalvelujen kokonaisuuden",
                "känna till helheten av stadens integrationstjänster",
                "know the city's integration services as a whole",
            ),
            (
                "osaat ohjata asiakkaan oikeaan palveluun hänen tilanteensa mukaan",
                "kunna vägleda kunden till rätt service enligt hens situation",
                "guide a customer to the right service according to their situation",
            ),
        ],
        "image": {
            "name": "kotoutuminen",
            "background": "#e6f4f5",
            "clothes": "#00545c",
            "people": [(300, "b"), (520, "a"), (640, "b")],
            "bubbles": ["Tervetuloa!", "Välkommen! Welcome!"],
            "description": "A family being welcomed at a city service point.",
            "alt": (
                "Palveluneuvoja toivottaa lapsiperheen tervetulleeksi kaupungin palvelupisteelle.",
                "En servicerådgivare välkomnar en barnfamilj till stadens serviceställe.",
                "A service adviser welcomes a family with children to a city service point.",
            ),
        },
        "document": {
            "name": "kotoutumispalvelujen-polku",
            "text": (
                "KOTOUTUMISPALVELUJEN POLKU / INTEGRATIONSTJÄNSTERNAS STIG / THE PATH OF INTEGRATION SERVICES\n\n"
                "Kaikille / För alla / For everyone: monikielinen neuvonta, digituki / flerspråkig rådgivning, digitalt stöd / multilingual advice, digital support\n"
                "Uudet kotoutujat / Nya invandrare / New integration clients: alkukartoitus ja kielitaidon testaus, kotoutumissuunnitelma, yhteiskuntaorientaatio, kotoutumiskoulutus / inledande kartläggning och språktest, integrationsplan, samhällsorientering, integrationsutbildning / initial assessment and language testing, integration plan, society orientation, integration training\n"
                "Kotoutumisajan jälkeen / Efter integrationstiden / After the integration period: täydentävät palvelut, kieliopinnot, työllisyyspalvelut / kompletterande tjänster, språkstudier, sysselsättningstjänster / complementary services, language study, employment services\n"
            ),
        },
        "lessons": [
            {
                "slug": ("kuka-saa-mitakin", "vem-far-vad", "who-gets-what"),
                "title": (
                    "Kuka saa mitäkin palvelua",
                    "Vem får vilken service",
                    "Who gets which service",
                ),
                "body": [
                    (
                        "heading",
                        (
                            "Palvelut tilanteen mukaan",
                            "Service enligt situation",
                            "Services by situation",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Kotoutumisen edistämisestä annetun lain (681/2023) mukaan kunta vastaa kotoutumispalveluista. Palveluja on kolmenlaisia:",
                                "Enligt lagen om främjande av integration (681/2023) ansvarar kommunen för integrationstjänsterna. Det finns tre slags tjänster:",
                                "Under the Act on the Promotion of Integration (681/2023), the municipality is responsible for integration services. There are three kinds of services:",
                            ),
                            (
                                "ul",
                                [
                                    (
                                        "Monikielinen yleisneuvonta palvelee jokaista asukasta hänen asemastaan riippumatta.",
                                        "Den flerspråkiga allmänna rådgivningen betjänar varje invånare oavsett ställning.",
                                        "Multilingual general advice serves every resident whatever their status.",
                                    ),
                                    (
                                        "Alkukartoitus, kielitaidon testaus, yhteiskuntaorientaatio ja kotoutumiskoulutus kuuluvat ensisijaisesti uusille kotoutumisasiakkaille.",
                                        "Inledande kartläggning, språktest, samhällsorientering och integrationsutbildning är i första hand för nya integrationskunder.",
                                        "Initial assessment, language-level testing, society orientation and integration training go first to new integration clients.",
                                    ),
                                    (
                                        "Kotoutumisajan jo ohittaneille tarjotaan täydentäviä palveluja, kuten kieliopintoja ja ohjausta työhön.",
                                        "Till dem som redan passerat integrationstiden erbjuds kompletterande tjänster, till exempel språkstudier och vägledning till arbete.",
                                        "Those past their integration period are offered complementary services, such as language study and guidance towards work.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                    (
                        "image",
                        {
                            "alt": (
                                "Palveluneuvoja toivottaa lapsiperheen tervetulleeksi kaupungin palvelupisteelle.",
                                "En servicerådgivare välkomnar en barnfamilj till stadens serviceställe.",
                                "A service adviser welcomes a family with children to a city service point.",
                            ),
                            "caption": (
                                "Kaupungin toimialat toivottavat uudet asukkaat tervetulleiksi yhdessä.",
                                "Stadens sektorer välkomnar nya invånare tillsammans.",
                                "The city's divisions welcome new residents together.",
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": (
                                "Huomioi koko perhe",
                                "Tänk på hela familjen",
                                "Think of the whole family",
                            ),
                            "text": [
                                (
                                    "Kysy myös perheen muista jäsenistä. Kotona lapsia hoitavat vanhemmat, usein naiset, jäävät helposti palvelujen ulkopuolelle. Nuorille on omia polkuja koulutukseen.",
                                    "Fråga också om familjens övriga medlemmar. Föräldrar som sköter barn hemma, ofta kvinnor, hamnar lätt utanför tjänsterna. För unga finns egna vägar till utbildning.",
                                    "Ask about the other members of the family too. Parents caring for children at home, often women, are easily left outside services. Young people have their own paths to education.",
                                )
                            ],
                        },
                    ),
                    (
                        "scenario",
                        {
                            "situation": (
                                "Asiakas on asunut kaupungissa kuusi vuotta ja haluaa parantaa suomen taitoaan päästäkseen töihin. Hän kysyy kotoutumiskoulutuksesta.",
                                "En kund har bott i staden i sex år och vill förbättra sin finska för att få arbete. Hen frågar om integrationsutbildning.",
                                "A customer has lived in the city for six years and wants to improve their Finnish to find work. They ask about integration training.",
                            ),
                            "question": (
                                "Mihin ohjaat?",
                                "Vart hänvisar du?",
                                "Where do you guide them?",
                            ),
                            "responses": [
                                (
                                    (
                                        "Kerron, ettei hän enää kuulu kotoutumispalveluihin, joten mitään ei ole tarjolla.",
                                        "Jag säger att hen inte längre hör till integrationstjänsterna, så det finns inget att erbjuda.",
                                        "I say that they are no longer eligible for integration services, so nothing is available.",
                                    ),
                                    False,
                                    (
                                        "Kotoutumisajan jälkeen on täydentäviä palveluja. Asiakas jää ilman apua, jota hänelle kuuluisi.",
                                        "Efter integrationstiden finns kompletterande tjänster. Kunden blir utan hjälp som hen har rätt till.",
                                        "There are complementary services after the integration period. The customer is left without help they could get.",
                                    ),
                                ),
                                (
                                    (
                                        "Ohjaan hänet monikieliseen neuvontaan ja kerron täydentävistä kieliopinnoista ja työllisyyspalveluista.",
                                        "Jag hänvisar hen till den flerspråkiga rådgivningen och berättar om kompletterande språkstudier och sysselsättningstjänster.",
                                        "I refer them to multilingual advice and tell them about complementary language study and employment services.",
                                    ),
                                    True,
                                    (
                                        "Oikea polku hänen tilanteeseensa. Neuvonta auttaa löytämään kurssin, joka sopii hänen kielitasolleen.",
                                        "Rätt väg för hens situation. Rådgivningen hjälper att hitta en kurs som passar hens språknivå.",
                                        "The right path for their situation. The advice service helps find a course that fits their language level.",
                                    ),
                                ),
                                (
                                    (
                                        "Neuvon hakemaan kotoutumiskoulutukseen verkossa.",
                                        "Jag råder hen att söka till integrationsutbildning på webben.",
                                        "I advise them to apply for integration training online.",
                                    ),
                                    False,
                                    (
                                        "Kotoutumiskoulutus on ensisijaisesti uusille kotoutujille, joten hakemus tuskin johtaa tulokseen.",
                                        "Integrationsutbildningen är i första hand för nya invandrare, så ansökan leder knappast till resultat.",
                                        "Integration training goes first to new integration clients, so the application is unlikely to succeed.",
                                    ),
                                ),
                            ],
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Neuvonta kuuluu kaikille.",
                                    "Rådgivningen är för alla.",
                                    "Advice is for everyone.",
                                ),
                                (
                                    "Palvelut riippuvat asukkaan tilanteesta.",
                                    "Tjänsterna beror på invånarens situation.",
                                    "Services depend on the resident's situation.",
                                ),
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": (
                    "polut-tyohon-ja-opintoihin",
                    "vagar-till-arbete-och-studier",
                    "paths-to-work-and-study",
                ),
                "title": (
                    "Polut työhön, kieliopintoihin ja digitaitoihin",
                    "Vägar till arbete, språkstudier och digital kompetens",
                    "Paths to work, language study and digital skills",
                ),
                "body": [
                    (
                        "heading",
                        (
                            "Digituki ja valmennus",
                            "Digitalt stöd och coachning",
                            "Digital support and coaching",
                        ),
                    ),
                    (
                        "text",
                        [
                            (
                                "Moni asia hoidetaan verkossa. Kaupungin digituki auttaa pankkitunnusten, ajanvarausten ja lomakkeiden kanssa, ja valmennus tukee työnhaussa.",
                                "Många ärenden sköts på webben. Stadens digitala stöd hjälper med bankkoder, tidsbokningar och blanketter, och coachningen stöder jobbsökandet.",
                                "Many things are done online. The city's digital support helps with online banking IDs, appointments and forms, and coaching supports job seeking.",
                            ),
                            (
                                "Kysy asiakkaalta, mitä hän jo osaa. Aiempi koulutus ja työkokemus kannattaa tunnistaa, jotta polku työhön ei ala tyhjästä.",
                                "Fråga kunden vad hen redan kan. Tidigare utbildning och arbetserfarenhet lönar sig att erkänna, så att vägen till arbete inte börjar från noll.",
                                "Ask the customer what they already know. Previous education and work experience are worth recognising so that the path to work does not start from scratch.",
                            ),
                        ],
                    ),
                    (
                        "video",
                        {
                            "title": (
                                "Asuminen ja työ Suomessa: InfoFinland",
                                "Boende och arbete i Finland: InfoFinland",
                                "Living and working in Finland: InfoFinland",
                            ),
                            "url": "https://www.infofinland.fi/",
                            "transcript": (
                                "Kertoja: InfoFinland kokoaa tietoa työstä, opiskelusta, asumisesta ja perheestä yli kymmenellä kielellä. Sivustolta löytyvät myös kaupunkien omat palvelut.",
                                "Berättare: InfoFinland samlar information om arbete, studier, boende och familj på över tio språk. På webbplatsen finns också städernas egna tjänster.",
                                "Narrator: InfoFinland gathers information about work, study, housing and family in more than ten languages. The site also lists the cities' own services.",
                            ),
                        },
                    ),
                    (
                        "rewrite",
                        {
                            "original": (
                                "Kotoutumissuunnitelman laatiminen edellyttää alkukartoituksen suorittamista.",
                                "Upprättandet av en integrationsplan förutsätter att en inledande kartläggning har genomförts.",
                                "The drawing up of an integration plan requires the completion of an initial assessment.",
                            ),
                            "rewrite": (
                                "Ensin teemme alkukartoituksen. Sen jälkeen teemme yhdessä kotoutumissuunnitelman.",
                                "Först gör vi en inledande kartläggning. Sedan gör vi tillsammans en integrationsplan.",
                                "First we do an initial assessment. Then we make an integration plan together.",
                            ),
                            "note": (
                                "Kerro järjestys aikajärjestyksessä.",
                                "Berätta stegen i tidsordning.",
                                "Tell the steps in the order they happen.",
                            ),
                        },
                    ),
                    (
                        "phrases",
                        {
                            "meaning": (
                                "Tervetuloa! Miten voin auttaa?",
                                "Välkommen! Hur kan jag hjälpa till?",
                                "Welcome! How can I help?",
                            ),
                            "phrases": [
                                ("fi", "Tervetuloa! Miten voin auttaa?", ""),
                                ("sv", "Välkommen! Hur kan jag hjälpa till?", ""),
                                ("en", "Welcome! How can I help?", ""),
                                ("so", "Soo dhawoow! Sideen kuu caawin karaa?", ""),
                                (
                                    "fa",
                                    "خوش آمدید! چطور می‌توانم کمک کنم؟",
                                    "khosh amadid! chetor mitavanam komak konam",
                                ),
                                ("es", "¡Bienvenido! ¿En qué puedo ayudarle?", ""),
                            ],
                        },
                    ),
                    (
                        "document",
                        {
                            "title": (
                                "Kotoutumispalvelujen polku",
                                "Integrationstjänsternas stig",
                                "The path of integration services",
                            ),
                            "description": (
                                "Kenelle mikäkin palvelu kuuluu, yhdellä sivulla.",
                                "Vem som får vilken service, på en sida.",
                                "Who gets which service, on one page.",
                            ),
                        },
                    ),
                    (
                        "takeaways",
                        {
                            "title": KEY_TAKEAWAYS,
                            "items": [
                                (
                                    "Tunnista asiakkaan osaaminen.",
                                    "Känn igen kundens kunnande.",
                                    "Recognise what the customer already knows.",
                                ),
                                (
                                    "Ohjaa digitukeen ja valmennukseen.",
                                    "Hänvisa till digitalt stöd och coachning.",
                                    "Refer to digital support and coaching.",
                                ),
                                (
                                    "Kaupungin toimialat toivottavat tervetulleeksi yhdessä.",
                                    "Stadens sektorer välkomnar tillsammans.",
                                    "The city's divisions welcome newcomers together.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]

# A new module (Finnish draft) that the demo editor has submitted for moderation.
IN_MODERATION = {
    "slug": "puhelinpalvelu",
    "title": "Kohtaaminen puhelimessa ja chatissa",
    "summary": "Miten hyvä kohtaaminen onnistuu, kun asiakasta ei näe: ääni, tauot ja kirjoitettu viesti.",
    "lesson_slug": "aani-ja-tauot",
    "lesson_title": "Ääni ja tauot",
    "lesson_text": "<p>Puhelimessa asiakas kuulee äänestäsi, onko hänellä aikaa. Kerro, kuka olet, ja anna asiakkaan kertoa asiansa loppuun.</p>",
}

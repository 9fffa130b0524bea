"""Question pools of the demo quizzes, in Finnish, Swedish and English (fi, sv, en).

Question kinds:
- ("single", question, [(option, correct, feedback | None), ...], explanation)
- ("multiple", question, [(option, correct, feedback | None), ...], explanation)
- ("true_false", statement, is_true, explanation)
"""

# ruff: noqa: E501

QUIZ_TITLE = ("Tietovisa", "Frågesport", "Quiz")
QUIZ_SLUG = ("tietovisa", "fragesport", "quiz")

QUIZZES = {
    "kohtaamisosaaminen": {
        "settings": {"pass_mark": 80, "questions_per_attempt": 5},
        "intro": (
            "Viisi kysymystä asiakkaan kohtaamisesta. Voit yrittää uudelleen heti.",
            "Fem frågor om att bemöta kunder. Du kan försöka igen genast.",
            "Five questions on meeting customers. You can try again straight away.",
        ),
        "questions": [
            (
                "single",
                (
                    "Asiakas aloittaa asioinnin englanniksi, mutta vaikuttaa epävarmalta. Mitä teet ensin?",
                    "En kund börjar på engelska men verkar osäker. Vad gör du först?",
                    "A customer starts in English but seems unsure. What do you do first?",
                ),
                [
                    (
                        (
                            "Kysyn, millä kielellä asiakas haluaa asioida.",
                            "Jag frågar på vilket språk kunden vill sköta ärendet.",
                            "I ask which language the customer would like to use.",
                        ),
                        True,
                        (
                            "Hyvä: kielen kysyminen kertoo, että asiakas saa valita.",
                            "Bra: när du frågar får kunden välja.",
                            "Good: asking shows the customer that they may choose.",
                        ),
                    ),
                    (
                        (
                            "Jatkan suomeksi, koska asiakas asuu Suomessa.",
                            "Jag fortsätter på finska eftersom kunden bor i Finland.",
                            "I carry on in Finnish because the customer lives in Finland.",
                        ),
                        False,
                        (
                            "Asuinpaikka ei kerro kielitaidosta. Kysy mieluummin.",
                            "Var man bor säger inget om språkkunskaper. Fråga hellre.",
                            "Where someone lives says nothing about their language skills. Ask instead.",
                        ),
                    ),
                    (
                        (
                            "Puhun kovempaa ja hitaammin.",
                            "Jag talar högre och långsammare.",
                            "I speak louder and more slowly.",
                        ),
                        False,
                        (
                            "Hitaus voi auttaa, mutta äänenvoimakkuus ei auta ymmärtämään.",
                            "Att tala långsamt kan hjälpa, men högre röst hjälper inte förståelsen.",
                            "Slowing down may help, but volume does not help understanding.",
                        ),
                    ),
                ],
                (
                    "Asiakas tietää itse parhaiten, millä kielellä hän ymmärtää asiansa. Kysymällä vältät oletukset.",
                    "Kunden vet själv bäst på vilket språk hen förstår sitt ärende. Genom att fråga undviker du antaganden.",
                    "Customers know best which language lets them understand their matter. Asking avoids assumptions.",
                ),
            ),
            (
                "multiple",
                (
                    "Mitkä näistä kuuluvat hyvään kohtaamiseen palvelupisteellä? Valitse kaikki sopivat.",
                    "Vilka av dessa hör till ett gott bemötande på servicestället? Välj alla som stämmer.",
                    "Which of these belong to a good encounter at a service point? Choose all that apply.",
                ),
                [
                    (
                        (
                            "Tervehdin ja katson asiakasta.",
                            "Jag hälsar och ser på kunden.",
                            "I greet the customer and look at them.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Varmistan lopuksi, että asiakas tietää seuraavan askeleen.",
                            "Till sist kontrollerar jag att kunden vet nästa steg.",
                            "At the end I check that the customer knows the next step.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Kerron heti, mitä asiakkaan kaltaiset yleensä tarvitsevat.",
                            "Jag berättar genast vad kunder som hen brukar behöva.",
                            "I say straight away what customers like them usually need.",
                        ),
                        False,
                        (
                            "Tämä on oletus ryhmästä. Kuuntele, mitä juuri tämä asiakas tarvitsee.",
                            "Det är ett antagande om en grupp. Lyssna på vad just den här kunden behöver.",
                            "That is an assumption about a group. Listen to what this customer needs.",
                        ),
                    ),
                    (
                        (
                            "Kysyn tarkentavia kysymyksiä, jos en ole varma asiasta.",
                            "Jag ställer preciserande frågor om jag är osäker.",
                            "I ask follow-up questions when I am not sure what is needed.",
                        ),
                        True,
                        None,
                    ),
                ],
                (
                    "Hyvä kohtaaminen on kuuntelemista, tarkentamista ja sen varmistamista, että asiakas pääsee eteenpäin.",
                    "Ett gott bemötande handlar om att lyssna, precisera och se till att kunden kommer vidare.",
                    "A good encounter means listening, clarifying and making sure the customer can move forward.",
                ),
            ),
            (
                "true_false",
                (
                    "Asiakkaan nimen ääntämisestä on kohteliasta kysyä, jos et ole varma.",
                    "Det är artigt att fråga hur kundens namn uttalas om du är osäker.",
                    "It is polite to ask how a customer's name is pronounced if you are not sure.",
                ),
                True,
                (
                    "Kysyminen osoittaa arvostusta. Väärin lausuttu nimi toistuvasti on epäkohteliaampaa.",
                    "Att fråga visar respekt. Att upprepade gånger uttala namnet fel är mindre artigt.",
                    "Asking shows respect. Getting a name wrong again and again is less polite.",
                ),
            ),
            (
                "single",
                (
                    "Asiakas suuttuu jonotuksesta ja korottaa ääntään. Mikä on paras ensimmäinen reaktio?",
                    "En kund blir arg över kön och höjer rösten. Vilken är den bästa första reaktionen?",
                    "A customer gets angry about the queue and raises their voice. What is the best first response?",
                ),
                [
                    (
                        (
                            "Sanon rauhallisesti, että ymmärrän odottamisen turhauttavan, ja kerron, mitä seuraavaksi tapahtuu.",
                            "Jag säger lugnt att jag förstår att väntan är frustrerande och berättar vad som händer sedan.",
                            "I calmly acknowledge that waiting is frustrating and explain what happens next.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Pyydän asiakasta poistumaan.",
                            "Jag ber kunden att gå.",
                            "I ask the customer to leave.",
                        ),
                        False,
                        (
                            "Poistumista pyydetään vasta, jos tilanne muuttuu uhkaavaksi.",
                            "Man ber någon gå först om situationen blir hotfull.",
                            "Asking someone to leave is for situations that become threatening.",
                        ),
                    ),
                    (
                        (
                            "En vastaa mitään ennen kuin asiakas rauhoittuu.",
                            "Jag svarar inte förrän kunden lugnat sig.",
                            "I say nothing until the customer calms down.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Tunteen tunnistaminen ja selkeä tieto seuraavasta askeleesta rauhoittavat useimmiten tilanteen.",
                    "Att bekräfta känslan och ge tydlig information om nästa steg lugnar oftast situationen.",
                    "Acknowledging the feeling and giving clear information about the next step usually calms things down.",
                ),
            ),
            (
                "true_false",
                (
                    "Jos asiakas puhuu murtaen suomea, hänelle kannattaa vaihtaa automaattisesti englantiin.",
                    "Om kunden talar finska med brytning ska man automatiskt byta till engelska.",
                    "If a customer speaks Finnish with an accent, you should switch to English automatically.",
                ),
                False,
                (
                    "Kaikki eivät osaa englantia, ja moni haluaa käyttää suomea. Kysy, älä oleta.",
                    "Alla kan inte engelska och många vill använda finska. Fråga, anta inte.",
                    "Not everyone speaks English, and many want to use Finnish. Ask, don't assume.",
                ),
            ),
            (
                "single",
                (
                    "Mikä auttaa eniten, kun asiakas ei ymmärrä ohjettasi ensimmäisellä kerralla?",
                    "Vad hjälper mest när kunden inte förstår din instruktion första gången?",
                    "What helps most when a customer does not understand your instructions the first time?",
                ),
                [
                    (
                        (
                            "Sanon asian toisin sanoin ja näytän esimerkiksi lomakkeesta.",
                            "Jag säger det med andra ord och visar till exempel på blanketten.",
                            "I say it in other words and show it, for example on the form.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Toistan saman lauseen täsmälleen samoin.",
                            "Jag upprepar exakt samma mening.",
                            "I repeat exactly the same sentence.",
                        ),
                        False,
                        (
                            "Sama lause ei yleensä aukea toistamalla. Vaihda sanoja.",
                            "Samma mening blir sällan tydligare av upprepning. Byt ord.",
                            "The same sentence rarely becomes clearer by repeating it. Change the words.",
                        ),
                    ),
                    (
                        (
                            "Annan asiakkaalle esitteen ja pyydän lukemaan sen kotona.",
                            "Jag ger kunden en broschyr att läsa hemma.",
                            "I give the customer a leaflet to read at home.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Uudelleen muotoilu ja havainnollistaminen auttavat ymmärtämään. Esite voi tukea, mutta ei korvaa selitystä.",
                    "Att formulera om och visa hjälper förståelsen. En broschyr kan stödja men ersätter inte en förklaring.",
                    "Rephrasing and showing help understanding. A leaflet can support, but not replace, an explanation.",
                ),
            ),
        ],
    },
    "yhdenvertaisuus": {
        "settings": {"pass_mark": 80, "questions_per_attempt": 5, "wait_minutes": 10},
        "intro": (
            "Viisi kysymystä yhdenvertaisuudesta. Hylätyn yrityksen jälkeen voit yrittää uudelleen 10 minuutin kuluttua.",
            "Fem frågor om likabehandling. Efter ett underkänt försök kan du försöka igen om 10 minuter.",
            "Five questions on non-discrimination. After an attempt that does not pass, you can try again in 10 minutes.",
        ),
        "questions": [
            (
                "multiple",
                (
                    "Millä perusteilla syrjintä on yhdenvertaisuuslain mukaan kiellettyä? Valitse kaikki sopivat.",
                    "På vilka grunder är diskriminering förbjuden enligt diskrimineringslagen? Välj alla som stämmer.",
                    "On which grounds is discrimination prohibited under the Non-discrimination Act? Choose all that apply.",
                ),
                [
                    (("Kieli", "Språk", "Language"), True, None),
                    (("Alkuperä", "Ursprung", "Origin"), True, None),
                    (("Vammaisuus", "Funktionsnedsättning", "Disability"), True, None),
                    (
                        ("Vain kansalaisuus", "Endast medborgarskap", "Citizenship only"),
                        False,
                        (
                            "Kansalaisuus on yksi peruste, mutta lista on paljon laajempi.",
                            "Medborgarskap är en grund, men listan är mycket längre.",
                            "Nationality is one ground, but the list is much longer.",
                        ),
                    ),
                ],
                (
                    "Laki kieltää syrjinnän muun muassa iän, alkuperän, kansalaisuuden, kielen, uskonnon, vakaumuksen, terveydentilan, vammaisuuden ja seksuaalisen suuntautumisen perusteella.",
                    "Lagen förbjuder diskriminering bland annat på grund av ålder, ursprung, medborgarskap, språk, religion, övertygelse, hälsotillstånd, funktionsnedsättning och sexuell läggning.",
                    "The Act prohibits discrimination based on, among other things, age, origin, nationality, language, religion, belief, health, disability and sexual orientation.",
                ),
            ),
            (
                "true_false",
                (
                    "Yhdenvertaisuus tarkoittaa aina, että kaikkia palvellaan täsmälleen samalla tavalla.",
                    "Likabehandling betyder alltid att alla betjänas på exakt samma sätt.",
                    "Equal treatment always means serving everyone in exactly the same way.",
                ),
                False,
                (
                    "Joskus yhdenvertainen lopputulos vaatii erilaista palvelua, esimerkiksi tulkin tai kohtuullisen mukautuksen.",
                    "Ibland kräver ett likvärdigt resultat olika service, till exempel tolk eller skälig anpassning.",
                    "Sometimes an equal outcome needs different service, such as an interpreter or a reasonable accommodation.",
                ),
            ),
            (
                "single",
                (
                    "Pyörätuolia käyttävä asiakas ei yllä palvelutiskille. Mitä teet?",
                    "En kund som använder rullstol når inte upp till disken. Vad gör du?",
                    "A customer using a wheelchair cannot reach the counter. What do you do?",
                ),
                [
                    (
                        (
                            "Siirryn palvelemaan asiakasta matalammalle pisteelle tai hänen viereensä.",
                            "Jag flyttar till en lägre disk eller bredvid kunden för att betjäna.",
                            "I move to a lower desk or next to the customer to serve them.",
                        ),
                        True,
                        (
                            "Juuri näin: kohtuullinen mukautus on pieni muutos, joka tekee palvelusta saavutettavan.",
                            "Precis: en skälig anpassning är en liten ändring som gör servicen tillgänglig.",
                            "Exactly: a reasonable accommodation is a small change that makes the service accessible.",
                        ),
                    ),
                    (
                        (
                            "Pyydän asiakasta hoitamaan asian verkossa.",
                            "Jag ber kunden sköta ärendet på nätet.",
                            "I ask the customer to deal with it online.",
                        ),
                        False,
                        (
                            "Asiakkaalla on oikeus asioida palvelupisteellä kuten muillakin.",
                            "Kunden har rätt att sköta ärenden på servicestället som andra.",
                            "The customer has the same right to be served at the service point as anyone.",
                        ),
                    ),
                    (
                        (
                            "Palvelen asiakkaan saattajaa asiakkaan sijaan.",
                            "Jag betjänar kundens följeslagare i stället för kunden.",
                            "I serve the person accompanying the customer instead.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Viranomaisen on tehtävä kohtuulliset mukautukset, jotta vammainen henkilö saa palvelun yhdenvertaisesti.",
                    "Myndigheten ska göra skäliga anpassningar så att en person med funktionsnedsättning får service på lika villkor.",
                    "Authorities must make reasonable accommodations so that a disabled person is served on equal terms.",
                ),
            ),
            (
                "single",
                (
                    "Työkaveri vitsailee asiakkaan uskonnosta asiakkaan kuullen. Mikä on hyvä toimintatapa?",
                    "En kollega skämtar om kundens religion så att kunden hör. Vad är ett bra sätt att agera?",
                    "A colleague jokes about a customer's religion within the customer's hearing. What is a good way to act?",
                ),
                [
                    (
                        (
                            "Puutun asiaan asiallisesti ja kerron tilanteesta esihenkilölle.",
                            "Jag ingriper sakligt och berättar om situationen för chefen.",
                            "I step in politely and tell my supervisor about it.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Annan asian olla, koska se oli vain vitsi.",
                            "Jag låter det vara eftersom det bara var ett skämt.",
                            "I let it go because it was only a joke.",
                        ),
                        False,
                        (
                            "Häirintää voi olla myös vitsi, joka loukkaa ihmisarvoa.",
                            "Även ett skämt som kränker någons värdighet kan vara trakasserier.",
                            "A joke that violates someone's dignity can also be harassment.",
                        ),
                    ),
                ],
                (
                    "Häirintä on syrjintää. Jokainen voi puuttua, ja esihenkilön tehtävä on huolehtia, ettei se toistu.",
                    "Trakasserier är diskriminering. Alla kan ingripa, och chefen ska se till att det inte upprepas.",
                    "Harassment is discrimination. Anyone can step in, and the supervisor must make sure it does not happen again.",
                ),
            ),
            (
                "true_false",
                (
                    "Kaupungin on viranomaisena myös aktiivisesti edistettävä yhdenvertaisuutta, ei vain vältettävä syrjintää.",
                    "Staden ska som myndighet också aktivt främja likabehandling, inte bara undvika diskriminering.",
                    "As an authority, the city must also actively promote equality, not only avoid discrimination.",
                ),
                True,
                (
                    "Viranomaisella on edistämisvelvollisuus, ja sen toimintaa ohjaa yhdenvertaisuussuunnitelma.",
                    "Myndigheter har en främjandeskyldighet, och verksamheten styrs av en likabehandlingsplan.",
                    "Authorities have a duty to promote equality, guided by an equality plan.",
                ),
            ),
            (
                "multiple",
                (
                    "Mitkä ovat esimerkkejä välillisestä syrjinnästä? Valitse kaikki sopivat.",
                    "Vilka är exempel på indirekt diskriminering? Välj alla som stämmer.",
                    "Which are examples of indirect discrimination? Choose all that apply.",
                ),
                [
                    (
                        (
                            "Ajanvaraus onnistuu vain sähköisellä tunnistautumisella, jota kaikilla ei ole.",
                            "Tidsbokning går bara med elektronisk identifiering, som inte alla har.",
                            "Appointments can be booked only with online identification, which not everyone has.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Ohjeet ovat saatavilla vain suomeksi, vaikka asiakkaista moni puhuu muuta kieltä.",
                            "Anvisningarna finns bara på finska fast många kunder talar andra språk.",
                            "Instructions exist only in Finnish although many customers speak other languages.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Asiakas saa palvelua jonotusnumeron mukaisessa järjestyksessä.",
                            "Kunderna betjänas i könummerordning.",
                            "Customers are served in the order of their queue numbers.",
                        ),
                        False,
                        (
                            "Jonotusjärjestys kohtelee kaikkia samoin eikä yleensä aseta ketään huonompaan asemaan.",
                            "Köordningen behandlar alla lika och missgynnar normalt ingen.",
                            "Queue order treats everyone alike and does not usually disadvantage anyone.",
                        ),
                    ),
                ],
                (
                    "Välillinen syrjintä on näennäisesti neutraali sääntö, joka asettaa jonkun ryhmän huonompaan asemaan ilman hyväksyttävää syytä.",
                    "Indirekt diskriminering är en till synes neutral regel som missgynnar en grupp utan godtagbart skäl.",
                    "Indirect discrimination is a seemingly neutral rule that puts a group at a disadvantage without an acceptable reason.",
                ),
            ),
        ],
    },
    "selkea-kieli": {
        "settings": {"pass_mark": 70, "questions_per_attempt": None},
        "intro": (
            "Kuusi kysymystä selkeästä kielestä ja selkokielestä.",
            "Sex frågor om klarspråk och lättläst språk.",
            "Six questions on plain language and Easy Language.",
        ),
        "questions": [
            (
                "single",
                (
                    "Mikä näistä on selkein tapa kertoa asiakkaalle käsittelyajasta?",
                    "Vilket av dessa är det tydligaste sättet att berätta om handläggningstiden?",
                    "Which is the clearest way to tell a customer about the processing time?",
                ),
                [
                    (
                        (
                            "Saat päätöksen noin kolmen viikon kuluttua.",
                            "Du får beslutet om ungefär tre veckor.",
                            "You will get the decision in about three weeks.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Hakemuksen käsittelyaika määräytyy vireilletulopäivämäärän perusteella.",
                            "Handläggningstiden bestäms utifrån dagen då ärendet inleddes.",
                            "The processing time of the application is determined by the date of initiation.",
                        ),
                        False,
                        (
                            "Virkakieltä: asiakas ei saa vastausta kysymykseensä.",
                            "Myndighetsspråk: kunden får inget svar på sin fråga.",
                            "Officialese: the customer gets no answer to their question.",
                        ),
                    ),
                    (
                        (
                            "Käsittely kestää normaalin ajan.",
                            "Handläggningen tar normal tid.",
                            "Processing takes the usual time.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Selkeä viesti kertoo asiakkaalle suoraan sen, mitä hän haluaa tietää: milloin ja mitä tapahtuu.",
                    "Ett tydligt meddelande säger direkt det kunden vill veta: när och vad som händer.",
                    "A clear message tells the customer directly what they want to know: when and what happens.",
                ),
            ),
            (
                "true_false",
                (
                    "Selkokieli on tarkoitettu ihmisille, joilla on vaikeuksia lukea tai ymmärtää yleiskieltä.",
                    "Lättläst språk är avsett för personer som har svårt att läsa eller förstå allmänspråket.",
                    "Easy Language is meant for people who find standard language hard to read or understand.",
                ),
                True,
                (
                    "Selkokieli on yleiskieltä helpompaa. Selkeää kieltä taas tarvitsevat kaikki.",
                    "Lättläst är enklare än allmänspråket. Klarspråk behöver däremot alla.",
                    "Easy Language is simpler than standard language. Plain language, in turn, is for everyone.",
                ),
            ),
            (
                "multiple",
                (
                    "Mitkä keinot tekevät puheesta selkeämpää? Valitse kaikki sopivat.",
                    "Vilka sätt gör talet tydligare? Välj alla som stämmer.",
                    "Which techniques make speech clearer? Choose all that apply.",
                ),
                [
                    (("Lyhyet virkkeet", "Korta meningar", "Short sentences"), True, None),
                    (
                        (
                            "Tutut, arkiset sanat",
                            "Välbekanta vardagsord",
                            "Familiar, everyday words",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Lyhenteet ja koodit",
                            "Förkortningar och koder",
                            "Abbreviations and codes",
                        ),
                        False,
                        (
                            "Lyhenteet ovat tuttuja meille, mutta harvoin asiakkaalle.",
                            "Förkortningar är bekanta för oss men sällan för kunden.",
                            "Abbreviations are familiar to us, but rarely to the customer.",
                        ),
                    ),
                    (("Yksi asia kerrallaan", "En sak i taget", "One thing at a time"), True, None),
                ],
                (
                    "Lyhyet virkkeet, tutut sanat ja yksi asia kerrallaan keventävät kuulijan työtä.",
                    "Korta meningar, bekanta ord och en sak i taget gör det lättare för lyssnaren.",
                    "Short sentences, familiar words and one thing at a time make listening easier.",
                ),
            ),
            (
                "single",
                (
                    "Miten varmistat, että asiakas ymmärsi ohjeen?",
                    "Hur försäkrar du dig om att kunden förstod instruktionen?",
                    "How do you check that the customer understood the instructions?",
                ),
                [
                    (
                        (
                            "Pyydän asiakasta kertomaan omin sanoin, mitä hän tekee seuraavaksi.",
                            "Jag ber kunden berätta med egna ord vad hen gör härnäst.",
                            "I ask the customer to say in their own words what they will do next.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Kysyn: \u201dYmmärsitkö?\u201d",
                            "Jag frågar: \u201dFörstod du?\u201d",
                            "I ask: \u201cDid you understand?\u201d",
                        ),
                        False,
                        (
                            "Moni vastaa kyllä, vaikka ei ymmärtänyt. Pyydä kertomaan omin sanoin.",
                            "Många svarar ja fast de inte förstod. Be kunden berätta med egna ord.",
                            "Many people say yes even when they did not understand. Ask them to say it in their own words.",
                        ),
                    ),
                ],
                (
                    "Kun asiakas kertoo asian omin sanoin, näet heti, mikä jäi epäselväksi.",
                    "När kunden berättar med egna ord ser du genast vad som var oklart.",
                    "When the customer retells it in their own words, you see at once what was unclear.",
                ),
            ),
            (
                "true_false",
                (
                    "Selkeä kieli on epätarkkaa, eikä sitä siksi voi käyttää päätöksissä.",
                    "Klarspråk är oprecist och kan därför inte användas i beslut.",
                    "Plain language is imprecise and therefore cannot be used in decisions.",
                ),
                False,
                (
                    "Hallintolaki edellyttää asiallista, selkeää ja ymmärrettävää kieltä myös päätöksissä.",
                    "Förvaltningslagen kräver sakligt, klart och begripligt språk även i beslut.",
                    "The Administrative Procedure Act requires appropriate, clear and understandable language, decisions included.",
                ),
            ),
            (
                "single",
                (
                    "Mikä on selkein muoto tälle: \u201dAsiakkaan tulee toimittaa puuttuvat liitteet määräaikaan mennessä\u201d?",
                    "Vilken är den tydligaste formen av: \u201dKunden ska inkomma med saknade bilagor inom utsatt tid\u201d?",
                    "What is the clearest form of: \u201cThe customer shall submit missing attachments by the deadline\u201d?",
                ),
                [
                    (
                        (
                            "Lähetä meille palkkatodistus viimeistään 15.3.",
                            "Skicka oss ditt lönebesked senast 15.3.",
                            "Send us your pay slip by 15 March.",
                        ),
                        True,
                        (
                            "Hyvä: puhuttelet asiakasta ja kerrot, mitä ja milloin.",
                            "Bra: du tilltalar kunden och säger vad och när.",
                            "Good: you address the customer and say what and when.",
                        ),
                    ),
                    (
                        (
                            "Puuttuvat liitteet tulee toimittaa ajallaan.",
                            "Saknade bilagor ska lämnas in i tid.",
                            "Missing attachments must be submitted on time.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Puhuttele lukijaa suoraan, kerro mikä liite puuttuu ja anna päivämäärä.",
                    "Tilltala läsaren direkt, säg vilken bilaga som saknas och ge ett datum.",
                    "Address the reader directly, name the missing attachment and give a date.",
                ),
            ),
        ],
    },
    "tulkkaus": {
        "settings": {"pass_mark": 80, "questions_per_attempt": 5, "time_limit_minutes": 15},
        "intro": (
            "Viisi kysymystä tulkin kanssa työskentelystä. Aikaa on 15 minuuttia.",
            "Fem frågor om att arbeta med tolk. Du har 15 minuter.",
            "Five questions on working with interpreters. You have 15 minutes.",
        ),
        "questions": [
            (
                "single",
                (
                    "Kenelle puhut tulkattavassa keskustelussa?",
                    "Vem talar du till i ett tolkat samtal?",
                    "Whom do you speak to in an interpreted conversation?",
                ),
                [
                    (
                        ("Suoraan asiakkaalle", "Direkt till kunden", "Directly to the customer"),
                        True,
                        None,
                    ),
                    (
                        ("Tulkille", "Till tolken", "To the interpreter"),
                        False,
                        (
                            "Älä sano \u201dkysy häneltä\u201d. Puhu asiakkaalle, tulkki kääntää.",
                            "Säg inte \u201dfråga hen\u201d. Tala till kunden, tolken översätter.",
                            "Don't say \u201cask her\u201d. Speak to the customer; the interpreter translates.",
                        ),
                    ),
                ],
                (
                    "Puhu asiakkaalle minä-muodossa ja katso häntä. Tulkki on keskustelun välittäjä, ei osapuoli.",
                    "Tala till kunden i jag-form och se på hen. Tolken förmedlar samtalet och är ingen part.",
                    "Speak to the customer in the first person and look at them. The interpreter conveys, not takes part.",
                ),
            ),
            (
                "true_false",
                (
                    "Asiakkaan lapsi on hyvä tulkki, koska hän puhuu molempia kieliä.",
                    "Kundens barn är en bra tolk eftersom det talar båda språken.",
                    "The customer's child makes a good interpreter because they speak both languages.",
                ),
                False,
                (
                    "Lasta ei käytetä tulkkina: asiat voivat olla raskaita, eikä lapsi ole puolueeton tai sidottu vaitioloon.",
                    "Barn används inte som tolk: ärendena kan vara tunga och barnet är varken opartiskt eller bundet av tystnadsplikt.",
                    "Children are not used as interpreters: matters may be heavy, and a child is neither impartial nor bound by confidentiality.",
                ),
            ),
            (
                "multiple",
                (
                    "Mitkä pitävät paikkansa ammattitulkista? Valitse kaikki sopivat.",
                    "Vad stämmer om en professionell tolk? Välj alla som stämmer.",
                    "What is true of a professional interpreter? Choose all that apply.",
                ),
                [
                    (
                        (
                            "Hän on vaitiolovelvollinen.",
                            "Hen har tystnadsplikt.",
                            "They are bound by confidentiality.",
                        ),
                        True,
                        None,
                    ),
                    (("Hän on puolueeton.", "Hen är opartisk.", "They are impartial."), True, None),
                    (
                        (
                            "Hän tiivistää pitkät puheenvuorot omin sanoin.",
                            "Hen sammanfattar långa inlägg med egna ord.",
                            "They summarise long turns in their own words.",
                        ),
                        False,
                        (
                            "Tulkki tulkkaa kaiken, mitä sanotaan, eikä lisää tai jätä pois.",
                            "Tolken tolkar allt som sägs och varken lägger till eller utelämnar.",
                            "The interpreter interprets everything said, adding and leaving out nothing.",
                        ),
                    ),
                    (
                        (
                            "Hän voi tulkata myös etänä puhelimella tai videolla.",
                            "Hen kan också tolka på distans per telefon eller video.",
                            "They can also interpret remotely by phone or video.",
                        ),
                        True,
                        None,
                    ),
                ],
                (
                    "Tulkin ammattietiikkaan kuuluvat vaitiolo, puolueettomuus ja kaiken sanotun tulkkaaminen.",
                    "Tolkens yrkesetik omfattar tystnadsplikt, opartiskhet och att tolka allt som sägs.",
                    "An interpreter's professional ethics include confidentiality, impartiality and interpreting everything said.",
                ),
            ),
            (
                "single",
                (
                    "Milloin tulkki kannattaa tilata?",
                    "När ska man beställa tolk?",
                    "When should you book an interpreter?",
                ),
                [
                    (
                        (
                            "Kun yhteistä kieltä ei ole ja asia on tärkeä asiakkaan oikeuksien kannalta.",
                            "När det inte finns något gemensamt språk och ärendet är viktigt för kundens rättigheter.",
                            "When there is no shared language and the matter affects the customer's rights.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Vain, jos asiakas itse maksaa tulkin.",
                            "Bara om kunden själv betalar tolken.",
                            "Only if the customer pays for the interpreter.",
                        ),
                        False,
                        (
                            "Kun viranomainen tarvitsee tulkkausta asian hoitamiseksi, se järjestää ja maksaa sen.",
                            "När myndigheten behöver tolkning för att sköta ärendet ordnar och betalar den det.",
                            "When the authority needs interpreting to handle the matter, it arranges and pays for it.",
                        ),
                    ),
                    (
                        (
                            "Ei koskaan; käännöskone riittää aina.",
                            "Aldrig; en översättningsapp räcker alltid.",
                            "Never; a translation app is always enough.",
                        ),
                        False,
                        None,
                    ),
                ],
                (
                    "Käännössovellus voi auttaa yksinkertaisessa neuvonnassa, mutta oikeuksia ja velvollisuuksia koskevissa asioissa tarvitaan tulkki.",
                    "En översättningsapp kan hjälpa vid enkel rådgivning, men i ärenden om rättigheter och skyldigheter behövs tolk.",
                    "A translation app can help with simple advice, but matters of rights and obligations need an interpreter.",
                ),
            ),
            (
                "true_false",
                (
                    "Tulkattuun tapaamiseen kannattaa varata enemmän aikaa kuin tavalliseen.",
                    "Det lönar sig att reservera mer tid för ett tolkat möte än för ett vanligt.",
                    "You should allow more time for an interpreted meeting than for an ordinary one.",
                ),
                True,
                (
                    "Kaikki sanotaan kahteen kertaan, joten varaa noin kaksinkertainen aika.",
                    "Allt sägs två gånger, så reservera ungefär dubbel tid.",
                    "Everything is said twice, so allow about double the time.",
                ),
            ),
            (
                "single",
                (
                    "Miten puhut, kun työskentelet tulkin kanssa?",
                    "Hur talar du när du arbetar med tolk?",
                    "How do you speak when working with an interpreter?",
                ),
                [
                    (
                        (
                            "Lyhyin jaksoin ja pidän taukoja tulkkausta varten.",
                            "I korta avsnitt med pauser för tolkningen.",
                            "In short passages, pausing for the interpretation.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Nopeasti, jotta aikaa säästyy.",
                            "Snabbt för att spara tid.",
                            "Quickly, to save time.",
                        ),
                        False,
                        None,
                    ),
                    (
                        (
                            "Pitkin puheenvuoroin, jotta en keskeytä ajatustani.",
                            "I långa inlägg för att inte avbryta tanken.",
                            "In long turns so as not to interrupt my train of thought.",
                        ),
                        False,
                        (
                            "Pitkät jaksot ovat vaikeita tulkata tarkasti.",
                            "Långa avsnitt är svåra att tolka exakt.",
                            "Long passages are hard to interpret accurately.",
                        ),
                    ),
                ],
                (
                    "Lyhyet jaksot ja selkeä kieli auttavat tulkkia välittämään viestin tarkasti.",
                    "Korta avsnitt och klart språk hjälper tolken att förmedla budskapet exakt.",
                    "Short passages and clear language help the interpreter convey the message accurately.",
                ),
            ),
        ],
    },
    "kotoutumispalvelut": {
        "settings": {"pass_mark": 75, "questions_per_attempt": None, "max_attempts": 5},
        "intro": (
            "Kuusi kysymystä uuden asukkaan ohjaamisesta. Yrityksiä on enintään viisi.",
            "Sex frågor om att vägleda en ny invånare. Du har högst fem försök.",
            "Six questions on guiding a newcomer. You have at most five attempts.",
        ),
        "questions": [
            (
                "single",
                (
                    "Uusi asukas kysyy, mistä hän saa tietoa suomen kielen opinnoista. Mitä teet?",
                    "En ny invånare frågar var hen får information om studier i finska. Vad gör du?",
                    "A newcomer asks where to find information about Finnish language courses. What do you do?",
                ),
                [
                    (
                        (
                            "Ohjaan hänet kaupungin kotoutumispalveluihin ja kerron, miten sinne pääsee.",
                            "Jag hänvisar hen till stadens integrationstjänster och berättar hur man kommer dit.",
                            "I refer them to the city's integration services and explain how to get there.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Sanon, ettei asia kuulu meille.",
                            "Jag säger att ärendet inte hör till oss.",
                            "I say that it is not our business.",
                        ),
                        False,
                        (
                            "Vaikka asia ei kuulu sinulle, ohjaa oikeaan paikkaan.",
                            "Även om ärendet inte hör till dig, hänvisa rätt.",
                            "Even if it is not your matter, point them to the right place.",
                        ),
                    ),
                ],
                (
                    "Kaupungin kaikki palvelupisteet ohjaavat uuden asukkaan oikeaan palveluun: ei väärää ovea.",
                    "Alla stadens serviceställen vägleder en ny invånare till rätt tjänst: ingen fel dörr.",
                    "Every service point of the city guides a newcomer to the right service: there is no wrong door.",
                ),
            ),
            (
                "true_false",
                (
                    "Kotoutumisen palvelut kuuluvat vain maahanmuuttajille, jotka ovat saapuneet pakolaisina.",
                    "Integrationstjänsterna är bara för invandrare som kommit som flyktingar.",
                    "Integration services are only for immigrants who arrived as refugees.",
                ),
                False,
                (
                    "Palvelut on tarkoitettu laajasti maahan muuttaneille, esimerkiksi työn tai perheen vuoksi muuttaneille.",
                    "Tjänsterna är avsedda för invandrare i stort, till exempel de som flyttat för arbete eller familj.",
                    "The services are for immigrants broadly, for example people who moved for work or family.",
                ),
            ),
            (
                "multiple",
                (
                    "Mitkä auttavat, kun ohjaat uutta asukasta toiseen palveluun? Valitse kaikki sopivat.",
                    "Vad hjälper när du vägleder en ny invånare till en annan tjänst? Välj alla som stämmer.",
                    "What helps when you refer a newcomer to another service? Choose all that apply.",
                ),
                [
                    (
                        (
                            "Kirjoitan palvelun nimen, osoitteen ja aukioloajat paperille.",
                            "Jag skriver ned tjänstens namn, adress och öppettider.",
                            "I write down the service's name, address and opening hours.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Kerron, mitä asiakirjoja hänen kannattaa ottaa mukaan.",
                            "Jag berättar vilka handlingar hen ska ta med.",
                            "I say which documents they should bring.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Sanon vain: \u201dKatso netistä\u201d.",
                            "Jag säger bara: \u201dTitta på nätet\u201d.",
                            "I just say: \u201cLook it up online\u201d.",
                        ),
                        False,
                        (
                            "Pelkkä netti ei riitä, jos kieli tai digitaidot ovat vielä vahvistumassa.",
                            "Bara nätet räcker inte om språket eller de digitala färdigheterna ännu utvecklas.",
                            "The web alone is not enough while language or digital skills are still developing.",
                        ),
                    ),
                ],
                (
                    "Konkreettinen, kirjallinen tieto seuraavasta askeleesta auttaa asiakasta perille.",
                    "Konkret, skriftlig information om nästa steg hjälper kunden fram.",
                    "Concrete, written information about the next step helps the customer get there.",
                ),
            ),
            (
                "single",
                (
                    "Mikä on kotoutumissuunnitelma?",
                    "Vad är en integrationsplan?",
                    "What is an integration plan?",
                ),
                [
                    (
                        (
                            "Henkilökohtainen suunnitelma kielen opiskelusta, työstä tai koulutuksesta ja muista palveluista.",
                            "En personlig plan för språkstudier, arbete eller utbildning och andra tjänster.",
                            "A personal plan for language studies, work or education and other services.",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "Oleskeluluvan hakemuslomake.",
                            "En ansökningsblankett för uppehållstillstånd.",
                            "A residence permit application form.",
                        ),
                        False,
                        (
                            "Oleskeluluvat käsittelee Maahanmuuttovirasto, ei kotoutumissuunnitelma.",
                            "Uppehållstillstånd handläggs av Migrationsverket, inte genom en integrationsplan.",
                            "Residence permits are handled by the Finnish Immigration Service, not by an integration plan.",
                        ),
                    ),
                ],
                (
                    "Kotoutumissuunnitelma laaditaan yhdessä asiakkaan kanssa ja se kokoaa hänelle sopivat palvelut.",
                    "Integrationsplanen görs tillsammans med kunden och samlar de tjänster som passar hen.",
                    "The integration plan is made together with the customer and gathers the services that suit them.",
                ),
            ),
            (
                "true_false",
                (
                    "Kaupungin kaikissa palvelupisteissä kohdataan asukkaita, jotka puhuvat muita kieliä.",
                    "Alla stadens serviceställen möter invånare som talar andra språk.",
                    "Every service point of the city meets residents who speak other languages.",
                ),
                True,
                (
                    "Siksi monimuotoisuusosaaminen kuuluu koko kaupungin asiakaspalveluun, ei vain erityispalveluihin.",
                    "Därför hör mångfaldskompetens till hela stadens kundtjänst, inte bara till specialtjänster.",
                    "That is why diversity competence belongs to all of the city's customer service, not only special services.",
                ),
            ),
            (
                "single",
                (
                    "Asiakas ei tiedä, mikä palvelu sopii hänelle. Mikä on hyvä ensimmäinen kysymys?",
                    "Kunden vet inte vilken tjänst som passar. Vilken är en bra första fråga?",
                    "The customer does not know which service suits them. What is a good first question?",
                ),
                [
                    (
                        (
                            "\u201dMissä asiassa tarvitset apua tänään?\u201d",
                            "\u201dVad behöver du hjälp med i dag?\u201d",
                            "\u201cWhat do you need help with today?\u201d",
                        ),
                        True,
                        None,
                    ),
                    (
                        (
                            "\u201dMistä maasta olet kotoisin?\u201d",
                            "\u201dVilket land kommer du från?\u201d",
                            "\u201cWhich country are you from?\u201d",
                        ),
                        False,
                        (
                            "Alkuperä ei kerro tarpeesta. Kysy asiasta, älä taustasta.",
                            "Ursprung säger inget om behovet. Fråga om ärendet, inte om bakgrunden.",
                            "Origin says nothing about the need. Ask about the matter, not the background.",
                        ),
                    ),
                ],
                (
                    "Avoin kysymys tarpeesta johtaa oikeaan palveluun nopeammin kuin oletukset taustasta.",
                    "En öppen fråga om behovet leder snabbare till rätt tjänst än antaganden om bakgrunden.",
                    "An open question about the need leads to the right service faster than assumptions about background.",
                ),
            ),
        ],
    },
}

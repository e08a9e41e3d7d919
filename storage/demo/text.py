"""Word lists and sentence templates for the demo data (all fictional)."""

from __future__ import annotations


def _split(text: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(sep) if w.strip())


FIRST_FEMALE = _split(
    "Anna | Maria | Sara | Emma | Elin | Johanna | Ida | Linnéa | Amira | Fatima | Leila | Noor "
    "| Hanna | Moa | Sofia | Ebba | Julia | Alva | Maja | Wilma | Klara | Agnes | Yasmin | "
    "Aisha | Selma | Tove | Vera | Greta | Lejla | Mira"
)
FIRST_MALE = _split(
    "Erik | Johan | Anders | Mikael | Jonas | Oskar | Viktor | Ali | Hassan | Omar | Ahmed | "
    "Mohammed | Adam | Filip | Lucas | Hugo | Elias | Liam | Noah | Isak | Kevin | Robin | "
    "Dennis | Marko | Nikola | Dragan | Yusuf | Ibrahim | Samir | Tobias"
)
SURNAMES = _split(
    "Andersson | Johansson | Karlsson | Nilsson | Eriksson | Larsson | Olsson | Persson | "
    "Svensson | Gustafsson | Pettersson | Jonsson | Jönsson | Hansson | Bengtsson | Lindqvist | "
    "Lindström | Åberg | Öberg | Ekström | Sjöberg | Holmgren | Bergström | Wikström | Nyström "
    "| Lundgren | Söderberg | Håkansson | Mattsson | Axelsson | Hussein | Mohamed | Ali | "
    "Yilmaz | Hodžić | Nowak | Kovačević | Abdi | Rahimi | Haddad | Kaya | Petrović | Saleh | "
    "Jama | Karimi | Demir | Öztürk | Begić"
)
CASEWORKERS = _split(
    "Karin Lind (demo) | Peter Åkesson (demo) | Sanna Ek (demo) | Mehmet Aydin (demo) | Lena "
    "Strand (demo) | Tomas Berg (demo) | Nadia Farah (demo)"
)
MUNICIPALITIES = _split(
    "Linköping | Norrköping | Motala | Mjölby | Finspång | Göteborg | Malmö | Örebro | Västerås "
    "| Uppsala | Umeå | Sundsvall | Jönköping | Östersund | Växjö | Kalmar | Helsingborg | "
    "Borås | Gävle | Luleå | Karlstad | Eskilstuna | Södertälje | Skövde"
)
REGIONS = _split("Östergötland | Västra Götaland | Skåne | Örebro län | Västerbotten | Jämtland")
REFERRAL_SOURCES = _split(
    "Polisen | Kriminalvården | Frivården | Socialtjänsten, barn och unga | Skolan | Självmant "
    "| Anhörig | Idéburen organisation | Hälso- och sjukvården | Åklagare"
)
POLICE_UNITS = _split(
    "Polisregion Öst, underrättelseenheten | Polisregion Väst, underrättelseenheten | "
    "Polisregion Syd, personsäkerhet | Polisregion Stockholm, personsäkerhet | Polisregion "
    "Mitt, underrättelseenheten | Polisregion Nord, underrättelseenheten | Polisregion "
    "Bergslagen, personsäkerhet"
)
LANGUAGES = _split(
    "svenska | svenska | svenska | arabiska | somaliska | bosniska | turkiska | persiska | "
    "engelska | polska | tigrinja | kurdiska"
)
RELATIONS = _split("mor | far | syster | bror | sambo | partner | barn | mormor | kusin")
GROUPS = (
    ("Järnvargarna", "criminal_network", "Norrköping"),
    ("Östra ligan", "criminal_network", "Norrköping"),
    ("Kvarnbynätverket", "criminal_network", "Göteborg"),
    ("Blå falken", "criminal_network", "Göteborg"),
    ("Hamnkvarteren", "criminal_network", "Malmö"),
    ("Södra ringen", "criminal_network", "Malmö"),
    ("Tallbacka-gänget", "criminal_network", "Örebro"),
    ("Nordliga falangen", "criminal_network", "Örebro"),
    ("Stenbron", "criminal_network", "Uppsala"),
    ("Grå vargen (utbrytare)", "criminal_network", "Uppsala"),
    ("Linjen", "criminal_network", "Linköping"),
    ("Skuggan", "criminal_network", "Linköping"),
    ("Norrskensrörelsen (fiktiv)", "violent_extremism", "Umeå"),
    ("Järnfalangen (fiktiv)", "violent_extremism", "Västerås"),
    ("Kalifatcellen (fiktiv)", "violent_extremism", "Göteborg"),
    ("Släktnätverk A (fiktivt)", "honour_context", None),
    ("Släktnätverk B (fiktivt)", "honour_context", None),
)
GROUP_RELATIONS = (
    ("Järnvargarna", "Östra ligan", "rival"),
    ("Kvarnbynätverket", "Blå falken", "rival"),
    ("Hamnkvarteren", "Södra ringen", "rival"),
    ("Tallbacka-gänget", "Nordliga falangen", "rival"),
    ("Stenbron", "Grå vargen (utbrytare)", "rival"),
    ("Linjen", "Skuggan", "rival"),
    ("Järnvargarna", "Linjen", "allied"),
    ("Östra ligan", "Skuggan", "allied"),
    ("Kvarnbynätverket", "Hamnkvarteren", "allied"),
    ("Stenbron", "Tallbacka-gänget", "same"),
    ("Norrskensrörelsen (fiktiv)", "Järnfalangen (fiktiv)", "allied"),
    ("Järnvargarna", "Kvarnbynätverket", "rival"),
)
PROVIDERS = (
    ("Kommunens vuxenenhet (demo)", "municipal"),
    ("Socialpsykiatrin (demo)", "municipal"),
    ("Trygga Hem Skyddsboende AB (demo)", "private"),
    ("Behandlingshemmet Ekbacken AB (demo)", "private"),
    ("Lindens Akutboende AB (demo)", "private"),
    ("Stiftelsen Nystart (demo)", "non_profit"),
    ("Föreningen Vägen Vidare (demo)", "non_profit"),
    ("Arbetsmarknadsenheten (demo)", "municipal"),
)
STREETS = _split(
    "Lönnvägen | Björkgatan | Ekstigen | Granvägen | Aspgränd | Rönnbärsgatan | Tallstigen | "
    "Hasselvägen | Almgatan | Lindallén"
)
CONDITIONS = _split(
    "Avstå från all brottslig verksamhet. | Bryta kontakten med personer i nätverket. | "
    "Drogfrihet, kontrolleras med drogtest. | Delta i planerade samtal och möten. | Inte röja "
    "den skyddade adressen för någon. | Följa boendets regler och tider. | Ta emot kontakt från "
    "polisens personsäkerhetsgrupp. | Inte använda sociala medier under eget namn."
)
BREACHES = _split(
    "Positivt drogtest. | Kontakt med person i nätverket. | Uteblev från två planerade samtal. "
    "| Besök i det tidigare bostadsområdet. | Berättade om boendet för en bekant."
)
THREAT_SUMMARIES = _split(
    "Uppgifter om att personen söks av tidigare kamrater i nätverket. | Hot framfört via "
    "sociala medier mot personen och närstående. | Ingen aktuell hotbild men risk för "
    "repressalier kvarstår. | Konkreta uppgifter om planerat våld; omedelbara skyddsåtgärder "
    "krävs. | Hotbilden bedöms ha minskat efter flytt till annan ort. | Närstående har "
    "kontaktats av okända personer som frågat efter vistelseorten."
)
MEASURES = _split(
    "Skyddat boende, larmtelefon, kontaktförbud ansökt. | Flytt till annan kommun, skyddad "
    "folkbokföring begärd. | Samordning med personsäkerhet, täta kontakter. | Ingen särskild "
    "åtgärd utöver fortsatt kontakt."
)
JOURNAL_SENTENCES = (
    "Samtal med {name_role} på kontoret i {muni}.",
    "Hembesök genomfört tillsammans med kollega; {topic}.",
    "Telefonkontakt med {agency} angående {topic}.",
    "Samverkansmöte med {agency} och {agency2}. Vi gick igenom hotbilden och planen framåt.",
    "{Name_role} berättar att hen mår bättre och sover bättre sedan flytten.",
    "{Name_role} uttrycker oro för familjen i {muni}.",
    "Ansökan om {insats} har skickats till {provider}.",
    "Uppföljning av {insats}: fungerar väl enligt {provider}.",
    "Drogtest taget, resultat negativt.",
    "Drogtest taget, resultat inväntas.",
    "{Name_role} har inte kommit till avtalad tid. Försökt nå hen per telefon utan svar.",
    "Genomgång av överenskommelsen och villkoren; {name_role} bekräftar att hen förstått dem.",
    "Kontakt med Kronofogden om skulder; underlag för skuldsanering tas fram.",
    "Besök på {provider}. Boendet ser ordnat ut, personalen beskriver en lugn period.",
    "Möte med arbetsförmedlingen om praktikplats i {muni}.",
    "Samtal om tatueringsborttagning; remiss skickas.",
    "Psykiatrisk bedömning planerad; {name_role} har svårt att sova och har mardrömmar.",
    "Ekonomiskt bistånd beviljat för {month}.",
    "Information från {agency}: nya uppgifter om hot i {region}.",
    "Planering inför flytt till {muni}; samordnas med mottagande kommun.",
    "{Name_role} har haft kontakt med en tidigare kamrat och vi pratade om riskerna.",
    "God man har förordnats; första möte bokat.",
    "Kontaktperson har träffat {name_role} två gånger denna vecka.",
    "Skolan i {muni} meddelar att närvaron har blivit bättre.",
    "Genomgång av säkerhetsrutiner: telefon, sociala medier och resvägar.",
    "Vi har följt upp samtycket; det täcker {agency} och {muni}.",
    "Nätverksmöte med familjen. Stämningen var spänd men alla deltog.",
    "Avstämning med polisens personsäkerhetsgrupp; inga nya uppgifter.",
    "{Name_role} önskar avsluta kontakten men vi kommer överens om ett uppföljande samtal.",
    "Körkortsfrågan diskuterad; {name_role} vill börja på trafikskola.",
)
TOPICS = _split(
    "boendet | ekonomin | säkerheten | skolgången | sysselsättning | drogtester | kontakten med "
    "familjen | skuldsaneringen | vården | hotbilden"
)
AGENCIES = _split(
    "polisen | frivården | Kriminalvården | skolan | psykiatrin | Försäkringskassan | "
    "Arbetsförmedlingen | Migrationsverket | Kronofogden | barn- och ungdomspsykiatrin"
)
ROLES_IN_TEXT = _split("klienten | den unge | personen | mamman | pappan | sambon")
MONTHS = _split(
    "januari | februari | mars | april | maj | juni | juli | augusti | september | oktober | "
    "november | december"
)
NETWORK_ROLES = _split("perifer | springpojke | medlem | ledande | sympatisör | rekryterare")
DOCUMENT_TITLES = _split(
    "Genomförandeplan | Samtyckesblankett | Hotbedömning, sammanfattning | Överenskommelse | "
    "Utredning enligt SoL | Beslut om bistånd | Minnesanteckningar samverkansmöte | Läkarintyg "
    "(demo) | Underlag skuldsanering"
)
INSATS_IN_TEXT = _split(
    "skyddat boende | akutboende | samtalsstöd | missbruksbehandling | psykiatrisk vård | "
    "ekonomiskt bistånd | sysselsättning | skuldsanering | tatueringsborttagning | god man | "
    "kontaktperson | flyttstöd | drogtester"
)

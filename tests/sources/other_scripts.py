"""Short news stories written for the encoding tests, in the scripts the encodings carry.

Each is a few paragraphs: long enough for a detector to have evidence, as a real
story would be. The Russian one avoids « » and the dash, which KOI8-R cannot hold.
"""

from __future__ import annotations

RUSSIAN = """Мост через реку закроют на ремонт

Городской совет в понедельник отложил голосование о ремонте моста через реку. По словам \
председателя совета Анны Соколовой, инженеры должны сначала закончить проверку опор. "Мы не \
будем рисковать жизнью людей ради сроков", - сказала она журналистам после заседания.

Жители правого берега жалуются, что объезд занимает почти час. Владелец пекарни на \
набережной Игорь Петров рассказал, что с начала ограничений выручка упала на треть. Он \
надеется, что работы начнутся до зимы.

Областное управление дорог обещает опубликовать смету к концу месяца. Представитель \
управления отметил, что часть денег уже выделена из федерального бюджета, а остальное \
предстоит найти в местной казне.
"""

JAPANESE = """橋の補修、採決を延期

市議会は月曜日、川に架かる橋の補修工事に関する採決を延期した。議長の佐藤花子氏によると、\
技術者がまず橋脚の点検を終える必要があるという。「期限のために住民の命を危険にさらすことは\
しない」と佐藤氏は会見で述べた。

右岸の住民からは、迂回に一時間近くかかるとの不満が出ている。川沿いでパン屋を営む田中健一さん\
は、通行制限が始まってから売り上げが三分の一ほど落ちたと話した。冬になる前に工事が始まること\
を願っているという。

県の道路管理事務所は、今月末までに費用の見積もりを公表する予定だ。担当者は、予算の一部はすで\
に国から配分されており、残りは市の財源から確保する必要があると説明した。
"""

CHINESE = """跨河大桥修缮表决推迟

市议会周一推迟了关于修缮跨河大桥的表决。议长李明华表示，工程师必须先完成对桥墩的检查。她在\
会后对记者说：“我们不会为了赶工期而拿市民的生命冒险。”

河右岸的居民抱怨说，绕行几乎要花一个小时。在河边经营面包店的王建国说，自从限行以来，他的营业\
额下降了大约三分之一。他希望工程能在冬天之前开工。

省公路管理局承诺在本月底前公布预算。该局发言人指出，部分资金已由中央财政拨付，其余部分需要由\
地方财政筹措。
"""

FRENCH = """Le pont fermé pour réparations

Le conseil municipal a reporté lundi le vote sur la réparation du pont. Selon la présidente \
du conseil, Hélène Dubois, les ingénieurs doivent d’abord achever l’inspection des piliers. \
« Nous ne mettrons pas la vie des habitants en danger pour tenir un délai », a-t-elle déclaré.

Les riverains de la rive droite se plaignent d’un détour qui prend près d’une heure. François \
Lefèvre, boulanger sur le quai, affirme que son chiffre d’affaires a baissé d’un tiers.
"""

GERMAN = """Brücke bleibt gesperrt

Der Stadtrat hat am Montag die Abstimmung über die Reparatur der Brücke vertagt. Die \
Ratsvorsitzende Jutta Weiß sagte, die Ingenieure müssten zunächst die Prüfung der Pfeiler \
abschließen. Anwohner am rechten Ufer beklagen einen Umweg von fast einer Stunde; der Bäcker \
an der Uferstraße schätzt, sein Umsatz sei um ein Drittel gesunken.
"""

POLISH = """Most zamknięty do odwołania

Rada miasta w poniedziałek odłożyła głosowanie w sprawie remontu mostu. Przewodnicząca rady \
Małgorzata Wójcik powiedziała, że inżynierowie muszą najpierw zakończyć przegląd filarów. \
Mieszkańcy prawego brzegu skarżą się, że objazd zajmuje prawie godzinę, a piekarz z nabrzeża \
mówi, że jego utarg spadł o jedną trzecią.
"""

CZECH = """Most zůstane zavřený

Městská rada v pondělí odložila hlasování o opravě mostu přes řeku. Předsedkyně rady \
Jana Dvořáková řekla, že inženýři musí nejdřív dokončit kontrolu pilířů. Obyvatelé pravého \
břehu si stěžují, že objížďka trvá skoro hodinu, a pekař z nábřeží tvrdí, že jeho tržby \
klesly o třetinu.
"""

SWEDISH = """Bron stängs för reparation

Kommunfullmäktige sköt på måndagen upp omröstningen om reparationen av bron. Ordföranden \
Åsa Lindström sade att ingenjörerna först måste avsluta kontrollen av pelarna. Boende på \
östra sidan klagar över att omvägen tar nästan en timme.
"""

SPANISH = """El puente cerrará por obras

El ayuntamiento aplazó el lunes la votación sobre la reparación del puente. La presidenta \
del pleno, María Muñoz, explicó que los ingenieros deben terminar antes la revisión de los \
pilares. «No pondremos en riesgo a nadie», añadió.
"""

HUNGARIAN = """Lezárják a hidat a javítás miatt

A városi közgyűlés hétfőn elhalasztotta a híd felújításáról szóló szavazást. Kovács Éva \
elnök szerint a mérnököknek előbb be kell fejezniük a pillérek ellenőrzését. A jobb parton \
élők szerint a kerülő majdnem egy órát vesz igénybe.
"""


def openings(story: str) -> list[str]:
    """The headline, then the headline with one, two and all sentences of the first
    paragraph, then the whole story: what a detector sees of shorter and longer copy."""
    headline, first = story.split("\n\n")[:2]
    sentences = first.replace("\n", " ").split(". ")
    cuts = [headline] + [
        headline + "\n\n" + ". ".join(sentences[:count]).rstrip(".") + ".\n"
        for count in range(1, len(sentences) + 1)
    ]
    return [*cuts, story]


# Headlines and one-line notes: too short for a detector to have evidence, so the
# reader's own prior (Western, then Cyrillic, then Japanese) must get them right.
SHORT_WESTERN = (
    "Café reopens",
    "Señor Muñoz: “no comment”",
    "Smörgåsbord för alla",
    "Ærø ferry cancelled",
    "Ça va mieux à Nantes",
    "It was 25°C at noon",
    "Fines up to €500",
    "São Tomé votes – early",
    "Über den Fluß",
    "Ørsted wins bid",
    "déjà vu",
    "50 km² of forest burned",
    "Zoë Müller meets François Muñoz in Ærø",  # names of four languages in one line
)

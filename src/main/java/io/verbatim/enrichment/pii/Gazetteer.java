package io.verbatim.enrichment.pii;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word lists for the name finder. A name from {@link #FIRST_NAMES} is taken on sight when capitalised;
 * one that is also an ordinary word ({@link #AMBIGUOUS}: "Will", "May", "Grace") needs a context cue
 * (a title, an introduction, a vocative, an answer to "your name?"). {@link #COMMON} lists words that
 * are capitalised at the start of a sentence and never start a name; {@link #ORGANISATION} words mark a
 * company or product ("... Plumbing", "... Bank"), never a person. All entries are folded (lower case,
 * no accents).
 */
final class Gazetteer {

    private Gazetteer() {
    }

    static final Set<String> FIRST_NAMES = words("""
            aaron abby abigail adam adrian adriana aiden aisha alan albert alberto alejandra alejandro alex alexa
            alexander alexandra alexis alfredo ali alice alicia alison allison alma amanda amber amy ana andre andrea
            andres andrew andy angel angela angelica angie anita ann anna anne annette anthony antonio arjun armando
            arthur arturo ashley audrey austin barbara beatriz becky ben benjamin bernard beth betty beverly bianca
            blake bobby bob bonnie brad bradley brandon brenda brett brian brianna britney brittany brooke bruce bryan
            caleb calvin cameron camila candace carl carla carlos carmen carol caroline carolyn carrie casey catherine
            cecilia cesar chad charles charlie charlotte chelsea cheryl chris christian christina christine christopher
            cindy claire clara claudia clayton cody colin connor courtney craig cristina crystal curtis cynthia daisy
            damian dan dana daniel daniela danielle danny darius darnell darren dave david dean debbie deborah debra
            denise dennis derek derrick desiree destiny devin diana diane diego dolores dominic donald donna doris
            dorothy douglas duane dustin dwayne dylan eddie edgar eduardo edward edwin elena eli elijah elizabeth ella
            ellen emily emma enrique eric erica erik erin ernesto esther ethan eugene eva evan evelyn fatima felicia
            felipe fernando francisco gabriel gabriela gabrielle gary gavin gene george gerald gerardo gina gladys
            glenn gloria gordon graham greg gregory guadalupe guillermo gustavo hailey haley hannah harold harry
            heather hector heidi helen henry hilda holly howard hugo ian isaac isabel isabella isaiah ivan jack jackie
            jackson jacob jacqueline jaime jake james jamie jan jane janet janice jared jasmine jason javier jay jean
            jeff jeffrey jenna jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan joanna
            joanne joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua joy juan juana judith judy
            julia julian julie julio justin kaitlyn karen karina kate katherine kathleen kathryn kathy katie kayla keith
            kelly kelsey ken kendra kenneth kenny kevin kim kimberly kirk kristen kristin kristina kyle lakisha lance
            larry latoya laura lauren laurie leah lee leo leon leonard leslie leticia linda lindsay lindsey lisa liz
            logan lois lorena lori lorraine louis lucas lucia lucy luis luke luz lydia lynn madison malik manuel marc
            marcia marco marcos marcus margaret maria mariana marie marilyn mario marisol marissa marlene marsha martha
            martin marvin mary mason matt matthew maureen maurice max megan melanie melissa mia michael michele michelle
            miguel mike mildred mindy miranda mitchell molly monica morgan nancy naomi natalie nathan nathaniel neil
            nicholas nick nicole noah nora norma olga olivia omar oscar pablo pam pamela patricia patrick paul paula
            pedro peggy peter philip phillip phyllis priscilla rachel rafael ralph ramon ramona randall randy raquel raul
            ray raymond rebecca regina renee ricardo richard rick ricky rita rob robert roberta roberto robin rodney
            rodrigo roger ron ronald rosa rosario ross roy ruben ruth ryan sabrina samantha samuel sandra sara sarah
            scott sean sergio seth shane shannon sharon shawn sheila shelby shirley silvia sofia sonia sophia stacy
            stanley stephanie stephen steve steven susan suzanne sydney tamara tammy tanya tara taylor teresa terry
            theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis trent trevor troy tyler valerie
            vanessa veronica vicente victor victoria vincent virginia walter wanda wayne wendy wesley whitney william
            willie xavier yesenia yolanda yvonne zachary zoe
            abdul ahmed amit anil anjali deepak divya ganesh kavya lakshmi manish meera neha nikhil pooja pradeep
            priya raj rajesh ravi rohan sanjay sunil vijay wei li mei ming hiroshi yuki kenji akira jin min seo
            kwame kofi ama chidi ngozi olu tunde
            adela adolfo agustin alba alonso amparo anabel aracely aurora belen benito blanca caridad catalina
            cristobal dulce efrain eladio elisa elvira emilio esteban eugenia fabiola facundo federico fidel
            florencia franklin genaro gilberto graciela hortensia ignacio ines irene irma isidro jacinto joaquin
            josefina julieta lourdes luciano lupe marcela margarita maribel mercedes milagros miriam moises nelson
            nicolas noemi octavio pilar ramiro reina reinaldo rigoberto rocio rolando rosalia salvador santiago
            santos saul socorro teodoro tomas valentina wilkin wilson yajaira yokasta yanet yesica yuleisy
            ximena zoila marisela altagracia yaneris wendy yanira franchesca leonel
            """);

    /** First names that are also ordinary words, months or verbs: a name only with a context cue. */
    static final Set<String> AMBIGUOUS = words("""
            will may mark bill pat grace hope faith joy june april august art chase drew sky dawn summer autumn
            don dale guy rich frank sandy rusty buck lane wade miles carol ray rose ruby amber crystal daisy
            holly ivy iris lily violet jade penny ginger hunter mason page paige sage river rain storm jan gene
            nick sue sol luz reina dulce angel milagros mercedes santos socorro pilar rosario aurora blanca
            austin virginia santiago dakota madison jordan trinidad guadalupe victoria lourdes
            """);

    /** Capitalised at the start of a sentence or in a product name; never the start of a person's name. */
    static final Set<String> COMMON = words("""
            i a an the and but or so if then than that this these those there here it it's its i'm i've i'd i'll
            yes yeah yep yup no nope nah okay ok okey alright all right sure well oh ah eh uh um hmm mm hm mhm ugh wow
            hi hello hey bye goodbye thanks thank please sorry excuse pardon welcome great perfect awesome good fine
            nice cool got gotcha totally absolutely definitely exactly actually honestly really just also maybe
            what when where who why how which whose can could would should will shall may might must do does did
            done is are was were be been am have has had let let's lets we we're you you're your he she they them
            my our their me us him her his hers mine yours ours anything something nothing everything someone
            anyone nobody everybody somebody one two three four five six seven eight nine ten first last next
            mr mrs ms miss dr doctor sir madam ma'am mister god everyone mom mum dad mommy daddy grandma grandpa granny
            monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday
            january february march april may june july august september october november december
            jan feb mar apr jun jul aug sep sept oct nov dec hai hii thx thnx thanx pls plz ty np
            street avenue road lane drive place court terrace boulevard way unit apartment suite
            english spanish american ai am pm a.m p.m tv id pin ssn dob zip usa us
            si bueno buenos buenas okey dale claro perfecto listo gracias muchas mire ah ya entonces pues y es la el
            los las un una usted ustedes senor senora senorita don dona de del por para con que como cuando donde
            hola adios ajá aja dime mira oiga oye vale vamos eso esta este esto ese esa aqui alli muy tambien
            cero uno dos tres cuatro cinco seis siete ocho nueve diez perfecta excelente verdad okey
            calle avenida numero cedula banco cuenta tarjeta
            """);

    /** Words that make a capitalised sequence an organisation, place or product rather than a person. */
    static final Set<String> ORGANISATION = words("""
            inc llc ltd corp corporation co company companies group bank federal credit union insurance health
            healthcare medical medicine clinic hospital dental dentistry dermatology pharmacy family services service
            solutions systems plumbing heating air cooling hvac electric energy solar power roofing roof construction
            wireless mobile telecom communications studio salon spa hair beauty store shop market mart foods
            motors auto automotive realty properties homes home septic rooter pro plus essentials unlimited
            silver gold platinum choice summit central international national bank's airlines airport university
            college school church center centre department city county state street avenue road plan app
            banco cooperativa seguros clinica farmacia tienda servicios
            analytics research lines labs technologies partners consulting holdings industries enterprises ventures
            logistics networks
            """);

    /**
     * Places that are also people's names or look like them ("California", "Dolores", "Georgia", "Jordan"):
     * US states, countries and nationalities. A lone place word is not taken as a name on sight.
     */
    static final Set<String> PLACES = words("""
            alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
            indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
            montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania
            rhode tennessee texas utah vermont virginia washington wisconsin wyoming
            afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium bolivia
            bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba cyprus czechia denmark
            ecuador egypt england estonia ethiopia finland france germany ghana greece greenland guatemala haiti honduras
            hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea
            latvia lebanon libya lithuania luxembourg malaysia mali malta morocco nepal netherlands nicaragua nigeria
            norway pakistan panama paraguay peru philippines poland portugal romania russia rwanda scotland senegal
            serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand
            tunisia turkey uganda ukraine uruguay venezuela vietnam wales yemen zambia zimbabwe
            american british canadian mexican german french italian spanish portuguese dutch swedish danish norwegian
            finnish polish russian chinese japanese korean indian brazilian argentinian irish scottish greek turkish
            czech slovak hungarian austrian swiss belgian romanian bulgarian serbian croatian ukrainian icelandic
            estonian latvian lithuanian slovenian bosnian albanian egyptian nigerian kenyan australian colombian
            peruvian chilean venezuelan cuban dominican filipino vietnamese thai indonesian pakistani iranian iraqi
            israeli lebanese moroccan algerian tunisian ethiopian ghanaian european african asian
            republic kingdom
            """);

    private static Set<String> words(String block) {
        return Arrays.stream(block.trim().split("\\s+")).map(Tok::fold).collect(Collectors.toUnmodifiableSet());
    }
}

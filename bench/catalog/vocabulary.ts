/**
 * Word lists for the synthetic catalogue, most frequent first: the generator draws from them with Zipf
 * weights, so a few words, names and headings are very common and the rest form a long tail, as in a real
 * union catalogue. All names and headings are invented or generic; none describes a real publication.
 */
const words = (s: string) => s.trim().split(/\s+/);
const lines = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

export const ENGLISH_WORDS = words(`
  history new world life american guide introduction art war people story time family science state children
  water city women book design health education years law great land modern social political theory practice
  nature south west texas river house music young stories love women's black culture economic early poems
  garden home power public mexico road century age night language americas red country border mountain
  frontier national country's field business old light change research little secret last first kitchen
  global energy environmental english spanish writing reading teaching learning management systems data
  medicine nursing community church school trail desert plains ranch cattle oil railroad letters journal
  memoir days lost voices dreams island fire stone rain wind sky horse dog cat birds trees wild food cooking
  handbook principles methods studies essays collected selected complete illustrated short lives men war's
  revolution empire freedom rights justice religion faith mind body heart brain sleep money work economy
  market cities towns village farm county coast gulf bay sea ocean ships sailing maps atlas photography
  painting pottery weaving quilts crafts building architecture engineering physics chemistry biology math
  algebra geometry statistics computing programming networks security privacy media film television radio
  sports baseball football basketball soccer games puzzles mystery murder detective spy ghost witch dragon
  princess king queen prince castle knight magic adventure journey voyage quest treasure pirates space stars
  planets moon sun earth climate weather storms floods drought wildlife animals insects flowers plants
  seeds soil farming ranching hunting fishing camping hiking parks canyon mesa valley prairie forest swamp
`);

export const SPANISH_WORDS = words(`
  historia vida mundo tierra nueva pueblo casa niños mujeres corazón ciudad frontera camino año años cuentos
  poemas canciones memoria amor muerte noche día agua fuego sol luna cielo mar río montaña desierto
  llano rancho familia escuela iglesia lengua cultura política sociedad economía arte música cocina
  recetas salud educación derecho libertad revolución méxico españa texas nuevo méxico colonial misión
  tiempo sueños voces olvido esperanza guerra paz trabajo campo viaje regreso cartas diario crónica
  leyendas mitos dioses abuela abuelo madre padre hijos hermanos caminos fronteras raíces migración
  identidad comunidad ciencia naturaleza animales pájaros árboles flores jardín maíz frijol chile pan
`);

export const ENGLISH_CONNECTORS = words('of and in the for from to on at with');
export const SPANISH_CONNECTORS = words('de y en la el del para con por los las');

export const SURNAMES = words(`
  Smith Johnson García Martínez Rodríguez Hernández López González Williams Brown Jones Miller Davis Pérez
  Sánchez Ramírez Torres Flores Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz
  Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker
  Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips
  Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed
  Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders
  Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons Patterson
  Jordan Reynolds Hamilton Graham Kim Wallace Moreno Jiménez Álvarez Romero Vargas Castillo Mendoza Medina
  Aguilar Herrera Vásquez Castro Guerrero Núñez Peña Muñoz Ibáñez Domínguez Sandoval Delgado Ávila
  Begay Yazzie Tso Benally Tsosie Nakai Baca Lucero Montoya Trujillo Archuleta Gallegos Vigil Martínez
  Nguyen Tran Le Pham Huang Chen Wang Li Zhang Liu Singh Patel Shah Müller Schmidt Schneider Fischer
  Weber Becker Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Dubois Lefèvre Moreau
  O'Brien O'Connor MacDonald McAllister Nielsen Østergaard Jørgensen Björk Lindqvist Nowak Kowalski
`);

export const GIVEN_NAMES = words(`
  John Mary James Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph
  Jessica Thomas Sarah Charles Karen María José Juan Ana Luis Carmen Carlos Rosa Jorge Elena Miguel Lucía
  Francisco Isabel Antonio Dolores Manuel Teresa Rudolfo Leslie Scott Grace Peter Ramón Sofía Alejandro
  Guadalupe Héctor Inés Raúl Mónica Andrés Beatriz Nicolás Pilar Sergio Verónica Emily Daniel Hannah
  Matthew Olivia Andrew Emma Joshua Abigail Christopher Madison Anthony Samantha Kevin Rachel Brian Laura
  Noah Chloe Ethan Zoe Benjamin Naomi Samuel Ruth Henry Alice Walter Frances Harold Dorothy Arthur Helen
`);

/** LCSH-like topical headings (650 $a). */
export const TOPICS = lines(`
  Cooking | Mexican Americans | History | Indians of North America | Ranching | Cattle trade | Water rights |
  Women | Families | Education | Public health | Nursing | Railroads | Petroleum industry and trade |
  Mexican-American Border Region | Agriculture | Frontier and pioneer life | Cowboys | Missions | Folklore |
  Spanish language | English language | Children's stories | Fantasy fiction | Detective and mystery stories |
  Science fiction | Poetry | Short stories | Love stories | Historical fiction | Biography | Art | Pottery |
  Weaving | Quilting | Architecture | Photography | Music | Country music | Conjunto music | Baseball |
  Football | Birds | Wildflowers | Gardening | Climatic changes | Droughts | Hurricanes | Ecology |
  Economic development | Politics and government | Civil rights | Immigrants | Labor movement | Religion |
  Catholic Church | Mathematics | Algebra | Computer programming | Computer networks | Data mining |
  Statistics | Physics | Chemistry | Biology | Medicine | Mental health | Nutrition | Parenting | Aging |
  Libraries | Reading | Literacy | Oil fields | Ghost towns | Military history | World War, 1939-1945 |
  Civil War, 1861-1865 | Texas Revolution, 1835-1836 | Cookbooks | Self-help techniques | Business |
  Small business | Management | Marketing | Personal finance | Real estate | Law | Criminal justice
`);

export const TOPIC_SUBDIVISIONS = lines(`
  History | Social aspects | Juvenile fiction | Juvenile literature | Fiction | Politics and government |
  Economic aspects | Study and teaching | Biography | Pictorial works | Handbooks, manuals, etc. |
  Environmental aspects | Religious aspects | Law and legislation | Bibliography | Dictionaries | Poetry
`);

export const PLACES = lines(`
  Texas | New Mexico | Oklahoma | Louisiana | Arkansas | Mexico | United States | Southwest, New |
  Rio Grande Valley | El Paso (Tex.) | Santa Fe (N.M.) | San Antonio (Tex.) | Gulf Coast (U.S.) |
  Great Plains | Albuquerque (N.M.) | New Orleans (La.) | Tulsa (Okla.) | Spain | Latin America
`);

export const PERIODS = lines('20th century | 21st century | 19th century | To 1846 | 1848-1950 | 1951-');

/** Publisher, place of publication and the 008 country code used with it. */
export const PUBLISHERS: [string, string, string][] = [
  ['Penguin Books', 'New York', 'nyu'],
  ['University of Texas Press', 'Austin', 'txu'],
  ['Random House', 'New York', 'nyu'],
  ['University of New Mexico Press', 'Albuquerque', 'nmu'],
  ['HarperCollins', 'New York', 'nyu'],
  ['Scholastic', 'New York', 'nyu'],
  ['Texas A&M University Press', 'College Station', 'txu'],
  ['University of Oklahoma Press', 'Norman', 'oku'],
  ['Arte Público Press', 'Houston', 'txu'],
  ['Oxford University Press', 'New York', 'nyu'],
  ['Fondo de Cultura Económica', 'México, D.F.', 'mx '],
  ['Alfaguara', 'Madrid', 'sp '],
  ['Routledge', 'New York', 'nyu'],
  ['Wiley', 'Hoboken, NJ', 'nju'],
  ['Louisiana State University Press', 'Baton Rouge', 'lau'],
  ['University of Arkansas Press', 'Fayetteville', 'aru'],
  ['Sunstone Press', 'Santa Fe', 'nmu'],
  ['Cinco Puntos Press', 'El Paso', 'txu'],
  ['Little, Brown and Company', 'New York', 'nyu'],
  ['Editorial Planeta', 'Barcelona', 'sp '],
  ['Simon & Schuster', 'New York', 'nyu'],
  ['Cambridge University Press', 'Cambridge', 'enk'],
  ['Chronicle Books', 'San Francisco', 'cau'],
  ['Lee & Low Books', 'New York', 'nyu'],
  ['Anagrama', 'Barcelona', 'sp '],
  ['Gulf Publishing', 'Houston', 'txu'],
  ['McGraw-Hill Education', 'New York', 'nyu'],
  ['Pearson', 'Boston', 'mau'],
  ['Norton', 'New York', 'nyu'],
  ['Era', 'México', 'mx '],
];

export const SERIES = lines(`
  Texas heritage series | Southwestern studies | Western frontier library | Colección popular |
  Library of American poets | Chicana and Chicano visions of the Américas | Great Plains environmental
  design series | Step into reading | Biblioteca Era | Oklahoma western biographies | Lecture notes in
  computer science | Very short introductions | For dummies | Nuevos caminos | Gulf coast books
`);

/** Dewey classes and the LC classes that roughly correspond, for 082 / 050 / holdings call numbers. */
export const CLASSES: [string, string][] = [
  ['976.4', 'F386'],
  ['813.54', 'PS3552'],
  ['641.5972', 'TX716'],
  ['978.9', 'F796'],
  ['305.868', 'E184'],
  ['863.64', 'PQ7298'],
  ['636.2', 'SF197'],
  ['005.133', 'QA76.73'],
  ['610.73', 'RT41'],
  ['782.42', 'ML3477'],
  ['791.4372', 'PN1997'],
  ['973.7', 'E468'],
  ['338.2728', 'HD9567'],
  ['372.4', 'LB1573'],
  ['598.09764', 'QL684'],
];

export const LOCATIONS = words('MAIN STACKS REF JUV YA SPAN BRANCH1 BRANCH2 AV PER SPCOLL NEWBK');

/**
 * Name lists for the population. Every name folds (see `emailLocal`) to a distinct ASCII form, so
 * first.last email addresses only collide when both names repeat (then a number is added: jane.doe2).
 * A few names carry diacritics or apostrophes on purpose, to exercise UTF-8 and CSV handling.
 */

export const FIRST_NAMES: readonly string[] = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica ' +
  'Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald Ashley ' +
  'Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa ' +
  'Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy ' +
  'Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen ' +
  'Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet ' +
  'Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia ' +
  'Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy Megan ' +
  'Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa Austin Ann ' +
  'Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail Billy Alice Joe ' +
  'Judy Bruce Sophia Gabriel Grace Logan Denise Albert Amber Willie Doris Alan Marilyn Juan Danielle Wayne Beverly ' +
  'Elijah Isabella Randy Theresa Roy Diana Vincent Natalie Ralph Brittany Eugene Charlotte Russell Marie Bobby Kayla ' +
  'Mason Alexis Philip Lori Louis Priya Raj Anil Sunita Arjun Deepa Vikram Ananya Rahul Kavya Wei Fang Jun Mei Hiroshi ' +
  'Yuki Takeshi Sakura Kenji Aiko Min-jun Seo-yeon Ji-hoon Hye-jin Mohammed Fatima Ahmed Aisha Omar Layla Ali Zainab ' +
  'Hassan Amira Carlos Sofia Luis Valentina Miguel Camila Javier Lucia Diego Isabel Pablo Elena Mateo Ines Lukas Lena ' +
  'Felix Mia Jonas Lea Leon Hanna Paul-Henri Margot Louis-Philippe Chloé Søren Zoë François Björn Agnieszka Piotr ' +
  'Katarzyna Tomasz Olga Dmitri Ngozi Chinedu Amara Kwame Abena Thabo Lerato Siobhan Ciaran Niamh Aoife Declan ' +
  'Oisin Bronwyn Rhys Ffion Tariq Leilani Kai Malia Noa Yael Ilan Thiago Bruna Rafael Beatriz Nguyen-Anh Linh Minh ' +
  'Quynh Arnav Ishaan Meera Nikhil Pooja Sanjay Tanvi Aryan Riya'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson ' +
  'Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker ' +
  'Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell ' +
  'Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy ' +
  'Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson ' +
  'Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross ' +
  'Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher ' +
  'Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole ' +
  'Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison ' +
  'Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford ' +
  'Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner ' +
  'Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols ' +
  'Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters ' +
  'Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray ' +
  'Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval ' +
  'Müller Schneider Fischer Weber Becker Schulz Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann ' +
  'Krüger Hofmann Hartmann Lange Dubois Lefebvre Moreau Laurent Girard Bonnet Dupont Lambert Fontaine Rousseau ' +
  "O'Brien O'Connor O'Sullivan McCarthy Byrne Doyle Gallagher Kavanagh Nowak Kowalski Wiśniewski Wójcik " +
  'Kowalczyk Kamiński Lewandowski Zieliński Ivanov Petrov Sokolov Tanaka Suzuki Takahashi Watanabe Ito Yamamoto ' +
  'Nakamura Kobayashi Saito Kato Yoshida Yamada Sasaki Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu ' +
  'Guo Lin He Gao Luo Park Choi Jung Kang Cho Yoon Jang Lim Han Shah Sharma Singh Kumar Gupta Mehta Iyer Reddy ' +
  'Rao Nair Joshi Desai Kapoor Malhotra Chopra Banerjee Chatterjee Mukherjee Das Bose Khan Hussain Rahman Ahmed ' +
  'Ali Hassan Ibrahim Mahmoud Haddad Nasser Okafor Okonkwo Adeyemi Mensah Boateng Dlamini Nkosi Mbeki Pereira ' +
  'Oliveira Costa Rodrigues Almeida Nascimento Lima Araujo Carvalho Gomes Martins Rocha Ribeiro Alves Barbosa ' +
  'Jansen de-Vries van-Dijk Bakker Visser Smit Meijer de-Boer Mulder Bos Vos Peeters Janssens Maes Jacobs ' +
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsen Pedersen Christensen Jensen Nielsen Rasmussen ' +
  'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa-Silva ' +
  'García-López Núñez Ramírez-Soto Cohen Levi Friedman Shapiro Katz Goldberg Novak Horvat Kovač Popescu Ionescu'
)
  .split(' ')
  .map((name) => name.replace(/^(de|van)-/, '$1 '));

/** Nicknames used as preferred first names. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Robert: 'Bob',
  William: 'Bill',
  Elizabeth: 'Liz',
  Katherine: 'Kate',
  Michael: 'Mike',
  Jennifer: 'Jen',
  Alexander: 'Alex',
  Christopher: 'Chris',
  Margaret: 'Maggie',
  Daniel: 'Dan',
  Benjamin: 'Ben',
  Nicholas: 'Nick',
  Samantha: 'Sam',
  Jonathan: 'Jon',
  Thomas: 'Tom',
  James: 'Jim',
  Richard: 'Rick',
  Joseph: 'Joe',
  Patricia: 'Trish',
  Rebecca: 'Becky',
  Matthew: 'Matt',
  Anthony: 'Tony',
  Steven: 'Steve',
  Timothy: 'Tim',
  Kimberly: 'Kim',
  Zachary: 'Zach',
  Victoria: 'Tori',
  Gregory: 'Greg',
  Douglas: 'Doug',
  Stephanie: 'Steph',
  Hiroshi: 'Hiro',
  Dmitri: 'Dima',
  Katarzyna: 'Kasia',
  Valentina: 'Vale',
  Priya: 'Pri',
  Vikram: 'Vik',
  Mohammed: 'Mo',
};

/** The ASCII local-part form of a name: diacritics removed, letters and digits only, lower case. */
export function emailLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The name with diacritics removed, as Slack's `real_name_normalized` shows it. */
export function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o');
}

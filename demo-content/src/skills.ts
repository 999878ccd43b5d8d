import type { SeedSkill } from './types.ts';

export const skills: SeedSkill[] = [
  {
    slug: 'java',
    name: 'Java',
    category: 'language',
    description:
      'One of the core languages for backend work. Java standards such as JAX-RS, the Java API for RESTful Web Services, are a common way to build the backend side of an API-first web project.',
  },
  {
    slug: 'cpp',
    name: 'C++',
    category: 'language',
    description:
      'Listed with Java, C# and PHP as a language backend developers are expected to know well. Job boards advertise C++ programmer positions alongside web roles.',
  },
  {
    slug: 'csharp',
    name: 'C#',
    category: 'language',
    description: 'A server-side language that appears on nearly every list of backend essentials, next to Java, C++ and PHP.',
  },
  {
    slug: 'php',
    name: 'PHP',
    category: 'language',
    description:
      'A widely used server-side language. If a project is built on Symfony, Laravel or Zend, PHP is the language you will write.',
  },
  {
    slug: 'python',
    name: 'Python',
    category: 'language',
    description:
      'A popular server-side language and a strong asset when applying for backend jobs. It is the natural choice when a project uses the Django framework.',
  },
  {
    slug: 'javascript',
    name: 'JavaScript',
    category: 'language',
    description:
      'The language of the browser, and on the server it runs in the Node.js runtime. Backend developers need it to work with the frontend; with Express it powers the backend too.',
  },
  {
    slug: 'ruby',
    name: 'Ruby',
    category: 'language',
    description: 'A server-side language best known through the Ruby on Rails framework.',
  },
  {
    slug: 'html',
    name: 'HTML',
    category: 'language',
    description:
      'Hypertext Markup Language gives web pages their structure. Frontend developers write it daily; backend developers should understand it because they work with the frontend most of the time.',
  },
  {
    slug: 'css',
    name: 'CSS',
    category: 'language',
    description:
      'Cascading Style Sheets control how a page looks. It is a frontend core skill, and backend developers benefit from knowing how it fits together with HTML and JavaScript.',
  },
  {
    slug: 'sql',
    name: 'SQL',
    category: 'language',
    description:
      'Structured Query Language, the most popular language for querying and managing relational databases. A backend developer is expected to be fluent in it.',
  },
  {
    slug: 'ruby-on-rails',
    name: 'Ruby on Rails',
    category: 'framework',
    description: 'A server-side framework for Ruby, named among the frameworks a backend developer may be asked to know.',
  },
  {
    slug: 'symfony',
    name: 'Symfony',
    category: 'framework',
    description:
      'A PHP framework. Experience with it is often requested in backend job ads, and choosing it means the project is written in PHP.',
  },
  {
    slug: 'zend',
    name: 'Zend',
    category: 'framework',
    description: 'A PHP framework that backend job descriptions mention next to Symfony and Laravel.',
  },
  {
    slug: 'laravel',
    name: 'Laravel',
    category: 'framework',
    description: 'A PHP framework. A website built on Laravel is programmed in PHP, so the framework choice settles the language.',
  },
  {
    slug: 'django',
    name: 'Django',
    category: 'framework',
    description: 'A Python web framework. When a project uses Django, Python is the obvious language for the backend.',
  },
  {
    slug: 'express',
    name: 'Express',
    category: 'framework',
    description: 'A backend framework for JavaScript. Picking Express all but requires the Node.js runtime.',
  },
  {
    slug: 'angular',
    name: 'Angular',
    category: 'framework',
    description:
      'An open-source frontend framework. Relying on well-known frameworks like Angular makes it more likely that new graduates already have hands-on experience.',
  },
  {
    slug: 'nodejs',
    name: 'Node.js',
    category: 'tool',
    description: 'The runtime that lets JavaScript run on the server, most often together with the Express framework.',
  },
  {
    slug: 'docker',
    name: 'Docker',
    category: 'tool',
    description: "A modern DevOps technology that employers like to see on a backend developer's CV.",
  },
  {
    slug: 'version-control',
    name: 'Version control (Git)',
    category: 'tool',
    description:
      'Tracking every change to the code so other developers can pick up where someone left off without confusion or needless rework. Git is the usual tool.',
  },
  {
    slug: 'mysql',
    name: 'MySQL',
    category: 'database',
    description: 'A relational database system and one of the most popular database systems in web projects. Queried with SQL.',
  },
  {
    slug: 'postgresql',
    name: 'PostgreSQL',
    category: 'database',
    description: 'A relational database system that backend job ads mention alongside MySQL. Knowing it is an advantage when applying.',
  },
  {
    slug: 'mongodb',
    name: 'MongoDB',
    category: 'database',
    description: 'One of the most popular database systems, and a non-relational one: it stores data as documents instead of tables.',
  },
  {
    slug: 'redis',
    name: 'Redis',
    category: 'database',
    description: 'A popular non-relational database system that appears on lists of the systems backend developers meet most often.',
  },
  {
    slug: 'oracle',
    name: 'Oracle',
    category: 'database',
    description: 'A relational database system counted among the most popular ones, queried with SQL.',
  },
  {
    slug: 'http',
    name: 'HTTP',
    category: 'protocol',
    description: 'The protocol browsers and servers speak. Knowing it well is part of mastering the link between backend and frontend.',
  },
  {
    slug: 'rest',
    name: 'REST',
    category: 'protocol',
    description:
      'The architecture style behind most web APIs. Defining REST APIs first lets frontend and backend teams work in parallel against an agreed contract.',
  },
  {
    slug: 'scrum',
    name: 'Scrum',
    category: 'practice',
    description:
      'An agile way of running development projects. Know-how in Scrum or similar project methods is welcome in backend job applications.',
  },
  {
    slug: 'accessibility',
    name: 'Accessibility',
    category: 'practice',
    description:
      'Building applications that everyone can use. Backend developers are expected to learn about it, not only frontend specialists.',
  },
  {
    slug: 'security-compliance',
    name: 'Security compliance',
    category: 'practice',
    description:
      'Knowing and following the security requirements an application must meet, from data storage to the concepts that protect it.',
  },
  {
    slug: 'hosting-and-scaling',
    name: 'Hosting and scaling',
    category: 'practice',
    description: 'Managing a hosting environment, including database administration, and scaling applications when workloads change.',
  },
  {
    slug: 'documentation',
    name: 'Documentation',
    category: 'practice',
    description: 'Writing down how things work so other developers can continue the work without confusion or unnecessary changes.',
  },
  {
    slug: 'ux-ui-collaboration',
    name: 'UX/UI collaboration',
    category: 'practice',
    description:
      'Working closely with designers so their ideas for the user interface become a working product with a good user experience.',
  },
];

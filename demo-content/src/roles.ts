import type { SeedRole, SeedSalaryBand } from './types.ts';

const GERMANY = 'Germany';
// The per-year source quotes euros but names no country.
const EUROPE = 'Europe';

const backendMonthly: SeedSalaryBand[] = [
  {
    region: GERMANY,
    currency: 'EUR',
    period: 'month',
    level: 'entry',
    min: 2700,
    max: 3500,
    sourceNote: 'Starting salary for beginners as stated in the German-market overview of backend pay.',
  },
  {
    region: GERMANY,
    currency: 'EUR',
    period: 'month',
    level: 'experienced',
    min: 4800,
    max: 4800,
    sourceNote:
      'The same overview says pay rises to about 4,800 a month after a few years of experience; it is an approximate figure, not a range.',
  },
  {
    region: GERMANY,
    currency: 'EUR',
    period: 'month',
    level: 'manager',
    min: 5800,
    max: null,
    sourceNote: 'The same overview says project managers can expect 5,800 a month and more; no upper limit is given.',
  },
];

const yearlyRange = { region: EUROPE, currency: 'EUR', period: 'year', level: 'experienced', min: 49000 } as const;

export const roles: SeedRole[] = [
  {
    slug: 'backend-developer',
    name: 'Backend developer',
    tagline: 'Builds the part of a web application users never see: servers, databases and the APIs that connect them.',
    summary:
      'Backend developers write and maintain the server-side software and databases that sit behind a website or web app. They make sure the client gets the data and services it asks for, smoothly and on time. The work spans APIs, services and microservices, database programming, and the HTTP and REST link to the frontend. Demand is high and many companies struggle to fill these positions.',
    responsibilities: [
      {
        title: 'Plan before building',
        description:
          'Prepare a needs analysis and a conceptual design before development starts, then carry the software through to implementation.',
      },
      {
        title: 'Develop and maintain server software',
        description: 'Write the applications and modules that run under the hood and keep the server running smoothly in the background.',
      },
      {
        title: 'Program databases',
        description:
          "Design, query and look after the databases that store the application's data, most often relational ones queried with SQL.",
      },
      {
        title: 'Provide APIs and services',
        description: 'Build the interfaces, services and microservices through which the frontend requests data, using HTTP and REST.',
      },
      {
        title: 'Keep improving digital processes',
        description: 'Handle a steady stream of enhancements, additions and changes, such as faster loading or more accurate search.',
      },
      {
        title: 'Run and scale the environment',
        description:
          'Manage hosting, administer databases and scale the application when workloads change, with changes tracked and documented.',
      },
    ],
    skills: [
      'java',
      'cpp',
      'csharp',
      'php',
      'python',
      'javascript',
      'ruby',
      'sql',
      'ruby-on-rails',
      'symfony',
      'zend',
      'laravel',
      'django',
      'express',
      'nodejs',
      'mysql',
      'postgresql',
      'mongodb',
      'redis',
      'oracle',
      'http',
      'rest',
      'docker',
      'version-control',
      'scrum',
      'accessibility',
      'security-compliance',
      'hosting-and-scaling',
      'documentation',
    ],
    salaryBands: [
      ...backendMonthly,
      {
        ...yearlyRange,
        max: 99000,
        sourceNote:
          'Yearly range for backend developers from the overview of backend tools and skills; it covers the role as a whole, not one experience level.',
      },
    ],
  },
  {
    slug: 'frontend-developer',
    name: 'Frontend developer',
    tagline: 'Turns designs into the working interface people see and use in the browser or app.',
    summary:
      "Frontend developers are responsible for everything end users see and interact with: a website, an app or an online store. They work closely with designers to deliver a good user experience through an appealing user interface, and their job is to make the designer's ideas work technically. In API-first projects they can start early by building against mock data while the backend is still being written.",
    responsibilities: [
      {
        title: 'Implement the design',
        description: "Translate the designer's ideas into a functioning user interface that looks and behaves as intended.",
      },
      { title: 'Own the user experience', description: 'Work side by side with designers so the interface is appealing and easy to use.' },
      {
        title: 'Build against the API contract',
        description: 'Use the agreed REST API and mock data to develop the interface before the backend components are finished.',
      },
      {
        title: 'Show progress early',
        description: 'Deliver first versions so the customer can try the look and feel and spot mismatches while they are cheap to fix.',
      },
      {
        title: 'Reuse proven components',
        description: 'Rely on open-source frameworks and components that are already tested and feel familiar to users.',
      },
    ],
    skills: [
      'html',
      'css',
      'javascript',
      'angular',
      'http',
      'rest',
      'accessibility',
      'ux-ui-collaboration',
      'version-control',
      'documentation',
      'scrum',
    ],
    salaryBands: [
      {
        ...yearlyRange,
        max: 99000,
        sourceNote:
          'The source gives 49,000–99,000 a year for backend developers and says frontend pay is almost the same, so the backend range is repeated here.',
      },
    ],
  },
  {
    slug: 'full-stack-developer',
    name: 'Full-stack developer',
    tagline: 'Works on both sides of a web application, from the interface in the browser to the server and database.',
    summary:
      'In recent years frontend and backend work have been combined into what is now called full-stack development. A full-stack developer can do both: build the interface users see and the servers, databases and APIs behind it. Because they cover both sides, full-stack developers are expected to earn more than specialists on either side.',
    responsibilities: [
      {
        title: 'Build the interface',
        description: 'Implement the user interface in HTML, CSS and JavaScript, in close contact with designers.',
      },
      {
        title: 'Build the server side',
        description: 'Write the server applications, APIs and database code that supply the interface with data.',
      },
      {
        title: 'Own the contract between both sides',
        description: 'Define the REST APIs that connect frontend and backend and keep both sides in step with them.',
      },
      { title: 'Run the application', description: 'Take care of hosting, scaling and database administration as workloads change.' },
      {
        title: 'Keep the project readable',
        description: 'Use version control and documentation so teammates can continue the work without confusion.',
      },
    ],
    skills: [
      'html',
      'css',
      'javascript',
      'angular',
      'nodejs',
      'express',
      'php',
      'python',
      'java',
      'sql',
      'mysql',
      'postgresql',
      'mongodb',
      'http',
      'rest',
      'docker',
      'version-control',
      'hosting-and-scaling',
      'accessibility',
      'scrum',
    ],
    salaryBands: [
      {
        ...yearlyRange,
        max: null,
        sourceNote:
          'The source gives no figure for full-stack developers; it only says they earn more than backend developers (49,000–99,000 a year). The lower bound is the backend minimum and no upper bound is given.',
      },
    ],
  },
];

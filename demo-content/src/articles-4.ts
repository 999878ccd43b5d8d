import { md } from './markdown-blocks.ts';
import type { SeedArticle } from './types.ts';

export const articlesPart4: SeedArticle[] = [
  {
    slug: 'full-stack-development-both-sides-of-the-web',
    title: 'Full-stack development: both sides of the web',
    excerpt:
      'Frontend and backend work have grown together into full-stack development. What full-stack developers do, which skills they combine, and why they earn more than specialists on one side.',
    authorName: 'Sofia Brandt',
    status: 'published',
    roles: ['full-stack-developer', 'backend-developer', 'frontend-developer'],
    skills: ['html', 'css', 'javascript', 'nodejs', 'express', 'sql', 'rest', 'hosting-and-scaling'],
    seo: {
      metaTitle: 'Full-stack development: frontend and backend in one role',
      metaDescription:
        'What a full-stack developer does, how the role combines frontend and backend skills, and what it means for pay and your career path.',
    },
    publishedDaysAgo: 48,
    body: md`
      For a long time, web projects were split neatly in two. Frontend developers built what users see;
      backend developers built the servers and databases behind it. In recent years the two have been combined
      into what is now called **full-stack development**: one developer who can work on both sides.

      ## What "full stack" covers

      The stack is everything a web application is made of, from top to bottom:

      1. **The interface** in the browser or app, built with HTML, CSS and JavaScript, often with an
         open-source framework
      2. **The API** that connects interface and server, usually following REST over HTTP
      3. **The server-side application**, written in a language such as JavaScript on Node.js, PHP, Python or
         Java
      4. **The database**, relational and queried with SQL, or non-relational
      5. **The hosting environment**, which has to scale when workloads change

      A backend specialist concentrates on layers two to five, a frontend specialist on one and two. A
      full-stack developer moves across all of them.

      ## Why JavaScript is a natural fit

      JavaScript is the one language that appears on both sides of that list. It runs in every browser, and
      with the Node.js runtime and the Express framework it runs the server too. That makes it a natural base
      for full-stack work, although the role does not require a single-language stack.

      ## Strengths of the role

      Someone who understands both sides sees the whole picture. They know what the interface needs from the
      API and what the database can deliver efficiently. Design decisions that would otherwise bounce between
      two teams can be settled in one head.

      ## Where specialists still matter

      Full-stack does not make specialists obsolete. Larger projects still profit from the strict split between
      frontend and backend: parallel work against a shared API contract, early demos on mock data, and simpler
      hiring. We describe that approach in
      [why teams split the frontend and the backend](/articles/why-teams-split-the-frontend-and-the-backend/).
      A full-stack developer often acts as the bridge in such teams.

      ## Pay

      Backend developers earn between 49,000 and 99,000 euros a year according to one of our sources, and
      frontend developers almost the same. The same source says full-stack developers understandably earn more,
      since they develop both frontend and backend. It gives no separate figure, so we do not invent one. The
      [full-stack developer role page](/roles/full-stack-developer/) shows the band with that caveat.

      ## Is it for you?

      If you enjoy both the visual side and the logic behind it, full-stack work can be rewarding. Start with a
      solid base on one side, then grow into the other. Backend developers have a head start, because they
      already need HTML, CSS and JavaScript to work with frontend colleagues. Frontend developers can add SQL,
      servers and hosting step by step. Either way, you end up understanding how a
      request travels from a click in the browser to a row in the database and back again.
    `,
  },
  {
    slug: 'why-remote-work-raised-demand-for-web-developers',
    title: 'Why remote work raised demand for web developers',
    excerpt:
      'Always online, working from home, collaborating through web apps: video calls, chat and project tools have moved to the cloud, and every one of them needs frontend and backend developers to build it.',
    authorName: 'Mara Lindqvist',
    status: 'published',
    roles: ['backend-developer', 'frontend-developer'],
    skills: ['javascript', 'hosting-and-scaling', 'http', 'rest', 'security-compliance'],
    seo: {
      metaTitle: 'Why remote work raised demand for web developers',
      metaDescription:
        'Cloud apps, video calls, chat and project tools in the browser, and a pandemic that made home office normal: why web developers are in such demand.',
    },
    publishedDaysAgo: 55,
    body: md`
      Backend and frontend developers have very good job prospects, and the reasons go beyond the classic
      company website. The way people work has changed, and the tools they work with have moved into the
      browser.

      ## Always on

      Modern people are "always on". Smartphones are everywhere, and high-speed internet reaches more places
      every year. As a result, more and more applications are moving to the cloud. Software that used to be
      installed on a local computer or an office server is now used as a web application.

      ## The office in a browser tab

      Look at a typical working day and count the web applications involved:

      - **Video conferencing** with tools such as Zoom, Skype and Webex
      - **Team chat and collaboration** in Microsoft Teams or Slack
      - **Project management** in Trello or Jira
      - **Documents and presentations** in Google's online office suite

      Each of these is a web application. Each has an interface that someone designed and built, and a backend
      that stores the data, handles the logins and keeps everything in sync. Office programs and many other
      digital tools are no longer installed locally but used through the web.

      ## The pandemic sped it up

      The coronavirus crisis accelerated this trend sharply. A very large number of employees started working
      remotely, and the home office has become established. That turned the working world upside down, and a
      new form of collaboration is taking hold.

      > The internet has become the new office.

      For that to work, companies need powerful applications, and those applications are developed by backend
      and frontend developers.

      ## What it means for backend work

      Tools that teams depend on all day cannot afford to be slow or unavailable. That puts weight on backend
      skills that are easy to overlook:

      - managing the hosting environment and **scaling** when usage grows
      - meeting **security compliance** requirements for company data
      - designing clean **APIs** so web and mobile clients can share the same backend

      ## What it means for frontend work

      When an application replaces a desktop program, users expect it to feel just as smooth. Frontend
      developers, working closely with designers, are responsible for making a web interface that people are
      happy to use all day long.

      ## Employers compete for talent

      Web developers are scarce, and employers compete for them with attractive salaries and extras such as
      flexible hours and working from home. The same trend that drives the demand has become one of the perks. If you are weighing a career move, our article on
      [what backend and frontend developers earn](/articles/what-backend-and-frontend-developers-earn/) has
      the figures.
    `,
  },
  {
    slug: 'how-backend-and-frontend-developers-work-together',
    title: 'How backend and frontend developers work together',
    excerpt:
      'Frontend and backend only deliver a seamless experience when they are built together. Why backend developers belong in early discussions and how a shared API contract keeps both sides in step.',
    authorName: 'Daniel Okafor',
    status: 'published',
    roles: ['backend-developer', 'frontend-developer', 'full-stack-developer'],
    skills: ['rest', 'http', 'documentation', 'version-control', 'ux-ui-collaboration', 'scrum'],
    seo: {
      metaTitle: 'How backend and frontend developers work together',
      metaDescription:
        'Involve the backend early, agree on the REST API first and keep talking: practical habits for frontend and backend developers who share one product.',
    },
    publishedDaysAgo: 63,
    body: md`
      Frontend development takes care of the design and the interface. Backend development handles what
      happens behind the scenes. Users experience neither separately: they see one application that either
      works smoothly or does not. That is why the two disciplines have to work hand in hand.

      ## Bring the backend in early

      Backend developers should be good at working with other teams, and they are encouraged to share ideas in
      the earliest stages of a project. The reason is practical. If they are left out of the first discussions,
      problems tend to appear later, when the interface is already designed around data the backend cannot
      easily deliver, or when a quick fix on one side forces a rewrite on the other.

      In practice, that means a backend developer sits in on the first conversations about a feature, alongside
      the designer and the frontend developer.

      ## Agree on the contract

      The most useful artifact the two sides can share is the **API contract**. Defining the domain-specific
      REST APIs first settles how the frontend talks to the backend:

      1. which endpoints exist and what they are for
      2. what each request looks like
      3. what each response contains, including errors

      Once the contract exists, both sides can work in parallel. The frontend builds against static mock data
      in the agreed shape, while the backend implements the real thing. When the backend is ready, the mock is
      swapped out and the interface keeps working.

      ## Know the other side

      Collaboration gets easier when each side understands the other's tools. Backend developers should know
      HTML, CSS and JavaScript well enough to follow what the frontend does, because they will work with
      frontend developers most of the time. Mastering the link between both halves, through HTTP and REST, is
      part of what makes a backend developer good.

      Frontend developers, in turn, work closely with designers. Their requests to the backend often start as a
      design decision. Knowing where a requirement comes from helps the backend developer suggest a better way
      to meet it.

      ## Leave a clear trail

      Shared work needs shared records. Version control keeps the history of every change; documentation
      explains the decisions behind them. Together they let anyone on the team continue where someone else
      stopped, without confusion and without unnecessary changes.

      ## Show it to the customer early

      A working interface on mock data is something the customer can click through. When they see the look and
      feel early, mismatches between their expectations and the team's understanding come up while they are
      still cheap to fix. That saves both time and budget.

      ## Checklist for the next feature

      - Invite a backend developer to the first design discussion.
      - Write down the API contract before building.
      - Let the frontend start on mock data right away.
      - Keep changes in version control and document the reasons.
      - Demo early and often.

      For the role profiles behind this collaboration, see the
      [backend](/roles/backend-developer/) and [frontend](/roles/frontend-developer/) role pages.
    `,
  },
];

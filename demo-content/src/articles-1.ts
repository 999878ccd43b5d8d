import { md } from './markdown-blocks.ts';
import type { SeedArticle } from './types.ts';

export const articlesPart1: SeedArticle[] = [
  {
    slug: 'what-a-backend-developer-does',
    title: 'What a backend developer does',
    excerpt:
      'The backend is the part of a web application nobody sees: servers, databases and the code that connects them. Here is what backend developers build, maintain and plan, and which skills the job asks for.',
    authorName: 'Mara Lindqvist',
    status: 'published',
    roles: ['backend-developer'],
    skills: ['java', 'php', 'sql', 'http', 'rest', 'csharp', 'cpp'],
    seo: {
      metaTitle: 'What does a backend developer do? Tasks and skills',
      metaDescription:
        'Backend developers build the servers, databases and APIs behind every web app. An overview of the daily work and the skills employers ask for.',
    },
    publishedDaysAgo: 3,
    body: md`
      Any company that wants to win customers online needs a professional web presence, and behind that
      presence sits work that visitors never notice. That hidden layer is the **backend** (sometimes written
      "back end"), and the people who build it are backend developers: programmers who specialize in web
      technologies. Good ones are in high demand.

      ## The part you don't see

      Think of the backend as the underbelly of a web application. It covers the databases, the server
      applications and everything else that runs "under the hood". A user clicks a button in the browser; the
      backend decides what data to fetch, what to calculate and what to send back.

      A restaurant is a handy comparison. Guests sit at their tables and see the food arrive. They don't see
      the chef and the kitchen staff preparing every order. Backend developers are the kitchen: instead of
      cooking, they write the code that lets an application talk to its databases and servers.

      ## The brain of a website

      A dynamic website combines structure, design, content and functionality, and expectations for all four
      have grown a lot in recent years. Modern sites assemble content on demand, read from and write to
      databases, and even steer business and production processes. The server, the database and the
      server-side applications together form the brain of the site. Working with the frontend, they deliver
      whatever a visitor reads, watches or listens to in the browser.

      ## What the job involves

      The core task is to develop and maintain the software and databases that keep the server running
      smoothly, so that the client program always gets the data and services it asks for, on time. In
      practice that means:

      - preparing a **needs analysis** and a **conceptual design** before any code is written
      - developing and implementing the software itself
      - building interfaces (APIs), services and microservices
      - programming and looking after databases
      - handling a constant flow of enhancements, additions and changes to digital processes

      That last point matters more than it sounds. A backend is never finished: new features arrive, data
      grows, and processes change with the business.

      ## The skills it takes

      The role needs a broad range of expertise. Solid knowledge of **Java, C++, C# and PHP** is the usual
      foundation, though other languages are common too. JavaScript and Ruby also run on the server, and
      frameworks such as Ruby on Rails, Symfony and Zend appear in many job ads. Our guide to
      [server-side languages and frameworks](/articles/server-side-languages-and-the-frameworks-that-pick-them/)
      explains how these fit together.

      Data is at the center of the job, so relational databases and their query language, SQL, are a must.
      Finally, a good backend developer masters the link between backend and frontend, which requires a solid
      grasp of the **HTTP protocol** and the **REST** architecture.

      ## Is it a good career?

      Many companies are looking urgently for backend developers and struggle to find them, so job prospects
      are very good. You can find the full list of responsibilities, skills and salary bands on the
      [backend developer role page](/roles/backend-developer/).
    `,
  },
  {
    slug: 'what-a-frontend-developer-does',
    title: 'What a frontend developer does',
    excerpt:
      'Frontend developers build everything users see and touch: websites, apps and online stores. They work hand in hand with designers and turn their ideas into interfaces that actually work.',
    authorName: 'Daniel Okafor',
    status: 'published',
    roles: ['frontend-developer'],
    skills: ['html', 'css', 'javascript', 'angular', 'ux-ui-collaboration', 'accessibility'],
    seo: {
      metaTitle: 'What does a frontend developer do? Role and skills',
      metaDescription:
        'Frontend developers turn designs into working interfaces for websites, apps and online stores. What the role covers and how it differs from the backend.',
    },
    publishedDaysAgo: 7,
    body: md`
      When people talk about a website, they usually mean the frontend. It is the visible layer of a software
      or web application, the part people look at and interact with. That could be a company website, a mobile
      app or an online store. The developers responsible for it are frontend developers.

      ## Front end, front-end, frontend

      You will see all three spellings. They mean the same thing: the superstructure of an application, as
      opposed to the backend underneath it. Where the backend handles servers and databases behind the scenes,
      the frontend takes care of the design and the interface. Everything an end user sees in a browser or an
      app is in the frontend developer's hands.

      ## Working with designers

      Frontend developers rarely work alone. Their closest partners are designers, and together they are
      responsible for a good **user experience (UX)** delivered through an appealing **user interface (UI)**.
      The split of work is fairly clear:

      1. The designer decides how the interface should look and feel.
      2. The frontend developer implements those ideas technically.
      3. Together they check that the result is a functioning interface that users find easy to use.

      A beautiful mockup is worth little if it does not work in the browser. The frontend developer's job is to
      close that gap.

      ## The tools of the trade

      Three technologies form the base of frontend work: **HTML** gives a page its structure, **CSS** controls
      how it looks, and **JavaScript** makes it interactive. On top of these, many teams rely on open-source
      frameworks such as **Angular**. Frameworks like this are widely used and well tested, which brings two
      benefits. Developers find answers quickly because many others have solved the same problems before, and
      users find the interface familiar because it behaves like other web applications they know.

      Accessibility is part of the craft, too. An interface only counts as functioning if everyone can use it,
      and that responsibility is shared across the whole team.

      ## Building before the backend is ready

      In many projects, the frontend does not have to wait for the backend. When the team defines the REST API
      first, the frontend developer can build against mock data that has the agreed shape. The customer then
      sees the look and feel of the application early, and misunderstandings surface before they cost time and
      money. We cover this way of working in
      [why teams split the frontend and the backend](/articles/why-teams-split-the-frontend-and-the-backend/).

      ## Frontend and backend: one product

      Frontend and backend development work hand in hand to give users a seamless experience. Neither side is
      useful without the other, and the best results come when both sides talk early and often. Frontend pay is
      almost the same as backend pay, according to the figures we have; see the
      [frontend developer role page](/roles/frontend-developer/) for details and the skills that go with the job.
    `,
  },
  {
    slug: 'why-teams-split-the-frontend-and-the-backend',
    title: 'Why teams split the frontend and the backend',
    excerpt:
      'Separating frontend and backend work lets a team build both in parallel, show the customer a working interface early and hire more easily. The key is defining the REST API first.',
    authorName: 'Sofia Brandt',
    status: 'published',
    roles: ['backend-developer', 'frontend-developer'],
    skills: ['rest', 'http', 'angular', 'java', 'javascript'],
    seo: {
      metaTitle: 'Why split frontend and backend? API-first explained',
      metaDescription:
        'Define the REST API first, build the frontend against mock data, and show customers early. Why a strict frontend/backend split saves time and budget.',
    },
    publishedDaysAgo: 12,
    body: md`
      Some teams keep frontend and backend development strictly apart. It can look like extra ceremony, but the
      reason is simple and familiar to most teams: resources are scarce. People, time and budget all run short,
      and a clean split helps with each of them.

      ## Hiring gets easier

      Finding suitable developers is where it starts. If the frontend is built on a popular open-source
      framework such as **Angular**, and the backend follows a Java standard like **JAX-RS** (the Java API for
      RESTful Web Services), there is a good chance that recent graduates have already used those tools. If a
      candidate is weaker in one area, training, books and websites can fill the gap much faster than with an
      in-house toolkit nobody has heard of.

      The split also narrows what a new backend developer must learn on day one. Instead of every corner of a
      platform, a newcomer can start with data storage, search and the security concepts, and pick up the rest
      over time.

      ## The contract comes first

      The biggest gain shows up in the project itself. Frontend and backend can be built at the same time, but
      only if both sides agree how they will talk to each other. So the team defines the domain-specific
      **REST APIs** first. The API is the contract: it fixes which requests the frontend can send and what the
      backend will answer.

      > Agree on the API before anyone writes a feature, and the frontend never has to wait for the backend.

      Until the real backend components are ready, the frontend works with mock data. It already calls the
      backend in the agreed format; the only difference is that the answers are static test data. A mock can be
      as small as this:

      \`\`\`ts
      // Agreed contract: GET /api/orders returns a list of this shape.
      type Order = { id: string; status: 'open' | 'shipped'; total: number };

      // Static test data until the real endpoint exists.
      export const mockOrders: Order[] = [
        { id: 'A-100', status: 'open', total: 120 },
        { id: 'A-101', status: 'shipped', total: 75 },
      ];
      \`\`\`

      When the backend endpoint goes live, the frontend switches from \`mockOrders\` to the real request, and
      nothing else has to change.

      ## The customer sees it early

      Because the frontend moves ahead on its own, the customer can try the look and feel of the application
      at an early stage. If their ideas do not match what the developers understood, the mismatch shows up
      weeks earlier than it otherwise would, before time and budget are spent on the wrong thing.

      ## Open-source components help twice

      Early demos are also possible because the interface is assembled from open-source components that are
      already complete and well tested. Their wide use has a side effect: users recognize patterns from other
      web applications and find their way around intuitively.

      When a problem does come up, open standards help again. The more popular a JavaScript framework is, the
      more material exists online, and the more likely someone has already solved the same issue and written it
      up in a forum post or blog article.

      ## The result

      Put together, these effects let a team deliver web projects in less time and on a smaller budget. For a
      closer look at the day-to-day side of this collaboration, read
      [how backend and frontend developers work together](/articles/how-backend-and-frontend-developers-work-together/).
    `,
  },
];

import { md } from './markdown-blocks.ts';
import type { SeedArticle } from './types.ts';

export const articlesPart2: SeedArticle[] = [
  {
    slug: 'a-day-in-the-life-making-search-faster-and-more-accurate',
    title: 'A day in the life: making search faster and more accurate',
    excerpt:
      "A competitor's site finds better results and loads faster. Follow a backend developer from that uncomfortable comparison to a plan for a better search algorithm and quicker server processes.",
    authorName: 'Daniel Okafor',
    status: 'published',
    roles: ['backend-developer'],
    skills: ['sql', 'hosting-and-scaling', 'version-control', 'documentation', 'scrum'],
    seo: {
      metaTitle: "A backend developer's day: faster, more accurate search",
      metaDescription:
        "How a backend developer responds when a competitor's search is better and faster: discussing the problem, planning the fix and solving the puzzle.",
    },
    publishedDaysAgo: 16,
    body: md`
      Job descriptions list tasks and skills, but they rarely show what the work feels like. So let's walk
      through one day. Imagine you are the backend developer for an online shop. Nothing is on fire, but a
      message from a colleague is waiting for you when you sit down.

      ## The comparison nobody likes

      The message is short: the competitor's website returns **more accurate search results** and **loads
      much faster** than yours. Customers notice things like that, and they leave for the site that helps them
      quicker. The colleague wants to know what can be done.

      Notice where this request comes from. The visitor only ever sees the frontend: a search box and a list of
      results. Yet both complaints point to the part they cannot see. Which results come back, and how quickly,
      is decided on the server.

      ## Talking it through

      Before writing any code, you discuss the problem with the people involved. Backend developers are
      encouraged to bring their ideas in early, and this is a good example of why. Together you reach two
      conclusions:

      1. The **search algorithm** needs to improve, so that the results match what people are really looking
         for.
      2. The **server processes** need optimizing, so that pages load faster.

      This is the small version of what the job calls a needs analysis and a conceptual design: understand the
      problem first, then decide how to attack it.

      ## Into the programming cave

      Now it is your turn. You retreat into your programming cave and work out the best way to make the
      changes. It is not an easy task, and you want to get it right. It feels like a hard puzzle, and if you
      enjoy puzzles, this is the best part of the day.

      A realistic plan might look like this:

      - look at how the search reads from the database and which queries the slow pages run
      - work out where the current ranking of results goes wrong
      - change the algorithm and the server processes one step at a time
      - check whether the hosting environment needs to scale for the extra load

      ## Leaving a trail

      The changes are not only for you. Another developer may pick up where you left off next week. That is why
      every change goes into **version control** and the reasoning goes into the **documentation**. Done well,
      nobody gets confused later, and nobody makes unnecessary changes because they could not tell why the code
      looks the way it does.

      ## Back to the frontend

      Finally, you tell the frontend developers what has changed. If the shape of the search results stays the
      same, they have nothing to do. If the new algorithm returns extra information, the interface can use it,
      and that is a conversation to have before the code ships, not after.

      ## Why this counts as a good day

      No single line of code in this story is visible to customers. What they notice is that search finds what
      they wanted and the page appears quickly. That is the backend developer's work in a nutshell: solving hard
      problems behind the scenes so the business can succeed. Read more about the role on the
      [backend developer page](/roles/backend-developer/).
    `,
  },
  {
    slug: 'relational-vs-non-relational-databases',
    title: 'Relational vs. non-relational databases',
    excerpt:
      'Databases come in two main types: relational ones queried with SQL, like MySQL, PostgreSQL and Oracle, and non-relational ones like MongoDB and Redis. Why the choice matters for the whole project.',
    authorName: 'Sofia Brandt',
    status: 'published',
    roles: ['backend-developer', 'full-stack-developer'],
    skills: ['sql', 'mysql', 'postgresql', 'oracle', 'mongodb', 'redis'],
    seo: {
      metaTitle: 'Relational vs. non-relational databases for developers',
      metaDescription:
        'SQL databases such as MySQL, PostgreSQL and Oracle compared with NoSQL systems like MongoDB and Redis, and why the choice shapes your project.',
    },
    publishedDaysAgo: 21,
    body: md`
      Data sits at the heart of almost every web application, and looking after it is a central part of
      backend work. One of the first decisions in a project is which kind of database to use. It sounds
      technical, but it shapes a lot of what follows.

      ## Two main families

      Databases fall into two main types: **relational** and **non-relational**. The type you choose decides
      which database system the project will run on, and it can even influence the programming language.

      ### Relational databases

      Relational databases organize data in tables whose rows are linked to each other through shared values.
      You work with them in **SQL**, the Structured Query Language, which is the most popular language for
      manipulating and managing databases. A simple query reads almost like English:

      \`\`\`sql
      SELECT name, category
      FROM skills
      WHERE category = 'database'
      ORDER BY name;
      \`\`\`

      Well-known relational systems include:

      - **MySQL**, one of the most popular database systems of all
      - **PostgreSQL**, which backend job ads often mention next to MySQL
      - **Oracle**, another system on every list of popular databases

      Relational databases and SQL are part of the basic toolkit of a backend developer. If you are preparing
      for your first job, solid SQL and experience with MySQL, PostgreSQL or a similar system give you an
      advantage.

      ### Non-relational databases

      Non-relational databases, often called **NoSQL** databases, store data in other ways than linked tables.
      A common approach is document storage, where each record is a self-contained document. **MongoDB** and
      **Redis** are popular systems in this group.

      Document storage can be found in places you might not expect. Some established business platforms keep
      their data in documents, which effectively makes them NoSQL databases. For graduates, that familiar NoSQL
      model makes such platforms more attractive to work on.

      ## How to choose

      There is no winner for every case. The right choice depends on the requirements of the project, and it
      has knock-on effects:

      1. It fixes the database system the team has to run and administer.
      2. It affects which languages and libraries fit best.
      3. It determines how the backend developer writes queries, whether in SQL or with the tools of the
         chosen NoSQL system.

      Whatever you pick, someone has to manage it in production. Database administration is part of running
      the hosting environment, along with scaling when the workload changes.

      ## What to learn first

      If you are starting out, begin with SQL and one relational system. Most backend job descriptions ask for
      it, and the concepts transfer to every other relational database. Once that is comfortable, try a
      document database such as MongoDB to see how a different model feels. Both appear in the skills list on
      the [backend developer role page](/roles/backend-developer/).
    `,
  },
  {
    slug: 'server-side-languages-and-the-frameworks-that-pick-them',
    title: 'Server-side languages and the frameworks that pick them',
    excerpt:
      'PHP, Python, JavaScript, Ruby, Java, C# or C++? Often the framework decides: Symfony and Laravel mean PHP, Django means Python, Express means Node.js. A tour of the backend language landscape.',
    authorName: 'Mara Lindqvist',
    status: 'published',
    roles: ['backend-developer', 'full-stack-developer'],
    skills: ['php', 'python', 'javascript', 'ruby', 'java', 'symfony', 'django', 'express'],
    seo: {
      metaTitle: 'Server-side languages and frameworks: how to choose',
      metaDescription:
        'PHP with Symfony or Laravel, Python with Django, JavaScript with Express on Node.js, Ruby on Rails, Java, C#, C++: how the framework shapes the language.',
    },
    publishedDaysAgo: 26,
    body: md`
      Ask ten backend developers which language to learn and you may hear ten answers. The honest one is: it
      depends on the project's requirements and on what you already know. But there is a practical shortcut
      that many newcomers miss. Often the framework makes the decision for you.

      ## The popular server-side languages

      Plenty of languages run on the server. The ones you meet most often in web work are:

      - **PHP**
      - **JavaScript**, which runs on the server in the **Node.js** runtime
      - **Python**
      - **Ruby**
      - **C#**
      - **Java**
      - **C++**

      Java, C++, C# and PHP in particular count as core knowledge for backend developers, and job boards
      advertise many positions for Java experts, C++ programmers and PHP developers.

      ## Let the framework decide

      A framework gives you ready-made structure for common tasks, so you do not start from scratch. Because
      each framework is built for one language, choosing it settles the language question:

      - **Symfony, Laravel or Zend**: you will be programming in PHP.
      - **Django**: Python is the sensible choice.
      - **Express**: you are all but forced to use JavaScript on Node.js.
      - **Ruby on Rails**: the name already tells you the language is Ruby.

      Other technologies around the backend can steer the choice in the same way. The type of database a
      project uses, for example, can favor some languages over others.

      ## Where Java fits

      On the Java side, standards play the role that frameworks play elsewhere. A REST backend built with
      **JAX-RS**, the Java API for RESTful Web Services, is a typical example. Because such standards are
      widely taught, many graduates arrive already knowing them, which makes hiring easier.

      ## JavaScript on both sides

      JavaScript has a special position. It is one of the three core frontend technologies, next to HTML and
      CSS, and with Node.js and Express it also runs the backend. Even if you never write server-side
      JavaScript, you will work with frontend developers most of the time, so understanding it pays off.

      ## So which one should you learn?

      If you are aiming for a first job, look at the frameworks in the ads you find interesting and work
      backwards to the language. Employers frequently ask for Java, Python and PHP, together with PHP
      frameworks such as Symfony, Zend and Laravel. Whichever you choose, pair it with SQL, because almost
      every backend talks to a database. Our guide on
      [how to become a backend developer](/articles/how-to-become-a-backend-developer/) covers the rest of the
      path.
    `,
  },
];

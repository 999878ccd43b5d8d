import { md } from './markdown-blocks.ts';
import type { SeedArticle } from './types.ts';

export const articlesPart3: SeedArticle[] = [
  {
    slug: 'backend-skills-beyond-writing-code',
    title: 'Backend skills beyond writing code',
    excerpt:
      'Knowing a language and a database is only the start. Accessibility, security compliance, hosting and scaling, version control, documentation, teamwork with the frontend and Scrum round out a backend developer.',
    authorName: 'Sofia Brandt',
    status: 'published',
    roles: ['backend-developer'],
    skills: ['accessibility', 'security-compliance', 'hosting-and-scaling', 'version-control', 'documentation', 'scrum', 'html', 'css'],
    seo: {
      metaTitle: 'Backend developer skills beyond writing code',
      metaDescription:
        'Accessibility, security compliance, hosting and scaling, version control, documentation, frontend know-how and Scrum: the skills around the code.',
    },
    publishedDaysAgo: 31,
    body: md`
      Backend work covers three things: **servers**, **databases** and **application programming interfaces
      (APIs)**. To build them you need a working knowledge of the languages these systems typically use, such
      as Python, JavaScript on Node.js, PHP or Java. But the developers teams value most bring more than
      language skills. Here is what else belongs in the toolbox.

      ## Accessibility

      Accessibility is often filed under frontend work, yet backend developers are expected to learn about it
      too. An application is only as usable as the data and responses behind it, so both sides share the
      responsibility.

      ## Security compliance

      Applications have to meet security requirements, and much of what they protect lives in the backend:
      stored data, access to services, and the rules for who may see what. Knowing those requirements and
      building to them is part of the job from the first line of code, not a check at the end.

      ## Hosting and scaling

      Code has to run somewhere. A backend developer should be able to manage a hosting environment, which
      includes administering the database and **scaling the application when workloads change**. A site that
      is fast with a hundred visitors and falls over with ten thousand is not finished.

      ## Version control and documentation

      These two belong together. With version control, every change is recorded. With documentation, the
      reasons behind the changes are recorded too. The goal is practical: other developers should be able to
      pick up where you left off without getting confused and without making unnecessary changes or updates.

      ## Understanding the frontend

      You will spend most of your working time alongside frontend developers, so you should understand their
      tools:

      - **HTML**, the Hypertext Markup Language, for the structure of pages
      - **CSS**, Cascading Style Sheets, for their appearance
      - **JavaScript**, for interactivity in the browser

      You do not need to be a frontend expert. You do need to know what the other side needs from your API and
      why. A good backend developer masters the link between both halves, which also means knowing HTTP and
      REST well.

      ## Speaking up early

      Backend developers should work well with other teams and are encouraged to contribute ideas in the early
      stages of a project. Those who stay out of the early discussions often run into problems later, when
      decisions are harder to change. The same goes for planning: a needs analysis and a conceptual design come
      before the implementation.

      ## Agile project work

      Know-how in agile development with **Scrum**, or experience with other project management methods, is
      welcome in applications. Most backend work happens in teams that plan in short cycles, and knowing how
      that rhythm works makes you productive sooner.

      ## Putting it together

      None of these skills replaces solid programming, but each makes your code more useful to the people
      around you. You will find them all in the skills list on the
      [backend developer role page](/roles/backend-developer/).
    `,
  },
  {
    slug: 'what-backend-and-frontend-developers-earn',
    title: 'What backend and frontend developers earn',
    excerpt:
      'Entry salaries of 2,700 to 3,500 euros a month, around 4,800 with experience, 5,800 and more for project managers. Yearly ranges of 49,000 to 99,000 euros. What the figures say and what moves your pay.',
    authorName: 'Mara Lindqvist',
    status: 'published',
    roles: ['backend-developer', 'frontend-developer', 'full-stack-developer'],
    skills: ['java', 'php', 'cpp', 'sql', 'scrum'],
    seo: {
      metaTitle: 'Backend and frontend developer salaries explained',
      metaDescription:
        'Monthly and yearly salary figures for backend, frontend and full-stack developers, what drives the differences, and the benefits employers offer.',
    },
    publishedDaysAgo: 36,
    body: md`
      Backend development is one of the best-paying programming careers. Many companies are looking urgently
      for backend developers and hardly find any, and that shortage shows in the pay. Below are the figures our
      two sources give, and the factors that push a salary up or down.

      ## Monthly figures from the German market

      One overview of backend pay in Germany gives these monthly amounts:

      - **Entry level:** 2,700 to 3,500 euros a month
      - **After a few years of experience:** around 4,800 euros a month
      - **Project managers:** 5,800 euros a month and more

      ## A yearly range

      A second source puts backend developers at **49,000 to 99,000 euros a year**. It adds that frontend
      developers earn almost the same. Full-stack developers, who handle both sides, earn more, although the
      source gives no separate number for them.

      The two sets of figures come from different sources and do not describe the same group of people, so
      treat them as separate reference points rather than converting one into the other.

      ## What moves the number

      Salaries vary a lot, and several factors decide where you land:

      1. **Company size.** Larger and smaller employers pay differently.
      2. **Region.** In Germany, the federal state and local conditions make a clear difference.
      3. **Industry.** Pay in the industrial sector is higher than in retail, for example.
      4. **Projects.** What you work on affects what you earn.
      5. **Negotiation.** Your own negotiating skills influence the salary too.

      The last point is the one you control directly. Knowing the ranges above before an interview gives you a
      footing for the conversation.

      ## Benefits beyond the salary

      Because web developers are scarce, employers compete for them. That shows up in attractive salaries, but
      also in extras. Typical offers include:

      - flexible working hours
      - working from a home office
      - paid fitness and leisure activities

      Scarcity cuts both ways, though. Companies with few candidates to choose from sometimes set high
      expectations for the people they do hire.

      ## Where the jobs are

      Job boards list many openings for frontend and backend developers, among them positions for Java experts,
      C++ programmers and PHP developers. Strong SQL skills and experience with agile methods such as Scrum
      help in almost any of them.

      ## See the bands per role

      The exact bands, with a note on which source each comes from, are listed on the role pages for
      [backend](/roles/backend-developer/), [frontend](/roles/frontend-developer/) and
      [full-stack](/roles/full-stack-developer/) developers.
    `,
  },
  {
    slug: 'how-to-become-a-backend-developer',
    title: 'How to become a backend developer',
    excerpt:
      'There is no single training path into backend development. Computer science graduates and career changers both get in. Here is what employers look for: Java, Python or PHP, SQL, Docker and Scrum.',
    authorName: 'Daniel Okafor',
    status: 'published',
    roles: ['backend-developer'],
    skills: ['java', 'python', 'php', 'sql', 'mysql', 'postgresql', 'docker', 'scrum'],
    seo: {
      metaTitle: 'How to become a backend developer: paths and skills',
      metaDescription:
        'No fixed training path: how graduates and career changers get into backend development, and which languages, databases and tools employers expect.',
    },
    publishedDaysAgo: 42,
    body: md`
      If you are looking for the one official course that turns you into a backend developer, you will not find
      it. There is no special training for the job. That can feel unsettling, but it also means the door is
      open from several directions.

      ## Who gets in

      Typical candidates fall into a few groups:

      - **Graduates** of computer science and related subjects
      - People with a **comparable education** that focused on software development
      - **Career changers**, for example people with a technical education

      Employers care more about what you can do than about the title on your certificate. Graduates have an
      extra advantage when a company builds on widely used open-source frameworks and standards, because there
      is a good chance they have used them already.

      ## The languages to learn

      A sound knowledge of **Java**, **Python** or **PHP** is a strong starting point. PHP in particular comes
      with a set of frameworks that employers often ask about: **Symfony**, **Zend** and **Laravel**. If you
      are unsure which language to choose, look at the frameworks in the job ads that interest you; the
      framework usually decides the language. Our article on
      [server-side languages and frameworks](/articles/server-side-languages-and-the-frameworks-that-pick-them/)
      explains why.

      ## Databases

      Nearly every backend talks to a database, so **SQL** is not optional. Experience with **MySQL**,
      **PostgreSQL** or another relational database is a clear advantage in applications. See
      [relational vs. non-relational databases](/articles/relational-vs-non-relational-databases/) for the
      bigger picture.

      ## Modern tooling

      Employers also like to see knowledge of modern DevOps technologies such as **Docker**. Add version
      control and the habit of documenting your work, and you will fit into most teams quickly.

      ## How teams work

      Backend development rarely happens alone. Know-how in agile development based on **Scrum**, or in other
      project management approaches, is welcome. It shows that you can plan work in a team and deliver it step
      by step.

      ## Filling the gaps

      Nobody arrives knowing everything. When a candidate is weaker in one area, training, books and websites
      can close the gap. Popular open-source tools have a big advantage here: the more widely a tool is used,
      the more answers to common problems you will find in forum posts and blog articles.

      ## A simple plan

      1. Pick one language, guided by the framework you want to work with.
      2. Learn SQL properly and build something on a relational database.
      3. Package and run your project with Docker.
      4. Keep it in version control and document it as if someone else will take over.
      5. Learn the basics of Scrum, then look for a team to join.

      The outlook is good: many companies struggle to find backend developers. Read the full profile on the
      [backend developer role page](/roles/backend-developer/).
    `,
  },
];

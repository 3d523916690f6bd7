import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage, RegisterPage } from '../features/auth/auth-pages';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/password-pages';
import { AcceptInvitationPage } from '../features/invitations/accept-page';
import { ProfilePage } from '../features/profile/profile-page';
import { ProjectListPage } from '../features/projects/project-list-page';
import { ProjectLayout } from '../features/projects/project-layout';
import { Shell } from './shell';

/** Each view's code loads when it is first opened, so the first page does not wait for every view. */
const views = {
  backlog: () => import('../features/backlog/backlog-page').then((m) => ({ Component: m.BacklogPage })),
  planning: () => import('../features/planning/planning-page').then((m) => ({ Component: m.PlanningPage })),
  board: () => import('../features/board/board-page').then((m) => ({ Component: m.BoardPage })),
  stories: () =>
    import('../features/stories/all-stories-page').then((m) => ({ Component: m.AllStoriesPage })),
  'stories/:story': () => import('../features/story/story-page').then((m) => ({ Component: m.StoryPage })),
  roadmap: () => import('../features/roadmap/roadmap-page').then((m) => ({ Component: m.RoadmapPage })),
  reports: () => import('../features/reports/reports-page').then((m) => ({ Component: m.ReportsPage })),
  activity: () => import('../features/activity/activity-page').then((m) => ({ Component: m.ActivityPage })),
  members: () => import('../features/members/members-page').then((m) => ({ Component: m.MembersPage })),
  feedback: () => import('../features/feedback/feedback-page').then((m) => ({ Component: m.FeedbackPage })),
  settings: () => import('../features/settings/settings-page').then((m) => ({ Component: m.SettingsPage })),
};

/** A product's views, inside the product's frame (its navigation and my roles on it), also loaded on demand. */
const productViews = {
  roadmap: () =>
    import('../features/product-roadmap/product-roadmap-page').then((m) => ({
      Component: m.ProductRoadmapPage,
    })),
  teams: () =>
    import('../features/products/product-teams-page').then((m) => ({ Component: m.ProductTeamsPage })),
  members: () =>
    import('../features/products/product-members-page').then((m) => ({
      Component: m.ProductMembersPage,
    })),
  feedback: () =>
    import('../features/feedback/product-feedback-page').then((m) => ({
      Component: m.ProductFeedbackPage,
    })),
};

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password/:token', element: <ResetPasswordPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'projects', element: <ProjectListPage /> },
      { path: 'profile', element: <ProfilePage /> },
      {
        path: 'portfolio',
        lazy: () =>
          import('../features/portfolio/portfolio-page').then((m) => ({ Component: m.PortfolioPage })),
      },
      {
        path: 'products/:product',
        lazy: () =>
          import('../features/products/product-layout').then((m) => ({ Component: m.ProductLayout })),
        children: [
          { index: true, element: <Navigate to="roadmap" replace /> },
          ...Object.entries(productViews).map(([path, lazy]) => ({ path, lazy })),
        ],
      },
      {
        path: 'projects/:key',
        element: <ProjectLayout />,
        children: [
          { index: true, element: <Navigate to="backlog" replace /> },
          ...Object.entries(views).map(([path, lazy]) => ({ path, lazy })),
        ],
      },
      { path: '*', element: <Navigate to="/projects" replace /> },
    ],
  },
]);

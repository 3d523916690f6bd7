import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage, RegisterPage } from '../features/auth/auth-pages';
import { ProjectListPage } from '../features/projects/project-list-page';
import { ProjectLayout } from '../features/projects/project-layout';
import { BacklogPage } from '../features/backlog/backlog-page';
import { StoryPage } from '../features/story/story-page';
import { BoardPage } from '../features/board/board-page';
import { PlanningPage } from '../features/planning/planning-page';
import { Shell } from './shell';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'projects', element: <ProjectListPage /> },
      {
        path: 'projects/:key',
        element: <ProjectLayout />,
        children: [
          { index: true, element: <Navigate to="backlog" replace /> },
          { path: 'backlog', element: <BacklogPage /> },
          { path: 'planning', element: <PlanningPage /> },
          { path: 'board', element: <BoardPage /> },
          { path: 'stories/:story', element: <StoryPage /> },
        ],
      },
      { path: '*', element: <Navigate to="/projects" replace /> },
    ],
  },
]);

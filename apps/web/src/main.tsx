import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './app/query-client';
import { router } from './app/router';
import { applyTheme, storedTheme } from './app/theme';
import { ToastProvider } from './shared/ui/toast';
import './shared/ui/theme.css';
import './shared/ui/base.css';
import './shared/ui/components.css';
import './app/layout.css';

applyTheme(storedTheme());
const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);

import { useSearchParams } from 'react-router';

/** Opens the ticket drawer on any page (`?ticket=<id>` keeps it across reloads). */
export function useOpenTicket(): (id: string) => void {
  const [params, setParams] = useSearchParams();
  return (id) => {
    const next = new URLSearchParams(params);
    next.set('ticket', id);
    setParams(next);
  };
}

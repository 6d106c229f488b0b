import { Boxes, Globe } from 'lucide-react';
import { useState } from 'react';
import { Menu, MenuItem } from '../ui/Menu';
import { EndpointsListDialog } from './EndpointsListDialog';

/** The Components drop-down (canvas and Flows tab): the workflow's reusable parts, starting with Endpoints. */
export function ComponentsMenu({ workflowId }: { workflowId: string }) {
  const [endpointsOpen, setEndpointsOpen] = useState(false);
  return (
    <>
      <Menu label="Components" icon={<Boxes aria-hidden className="size-4" />} align="end">
        <MenuItem onSelect={() => setEndpointsOpen(true)}>
          <Globe aria-hidden className="size-4 text-zinc-500" />
          Endpoints…
        </MenuItem>
      </Menu>
      <EndpointsListDialog open={endpointsOpen} onOpenChange={setEndpointsOpen} workflowId={workflowId} />
    </>
  );
}

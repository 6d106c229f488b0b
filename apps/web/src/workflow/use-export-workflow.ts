import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { downloadJson } from './download-json';
import { exportFileName } from './export-file-name';

/** Export workflow: asks the server for the export file (always fresh) and downloads it as `<workflow>-flowyard.json`. */
export function useExportWorkflow(workflowId: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      if (!workflowId) throw new Error('The workflow is still loading');
      const file = await queryClient.fetchQuery({ ...trpc.workflows.export.queryOptions({ workflowId }), staleTime: 0, gcTime: 0 });
      const fileName = exportFileName(file.workflow.name);
      downloadJson(fileName, file);
      return fileName;
    },
  });
}

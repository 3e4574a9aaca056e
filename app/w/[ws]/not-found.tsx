import { NotFoundNotice } from "@/components/ui/not-found-notice";

// Things inside a workspace that do not exist (or that this member may not see), under the
// workspace header. A workspace the reader is not in never reaches here: its layout answers with
// the app-wide 404, which says the same.
export default function WorkspaceItemNotFound() {
  return (
    <div className="mx-auto max-w-sm pt-8">
      <NotFoundNotice />
    </div>
  );
}

using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// Requests listed from the Approver queue carry an extra type name, so PowerShell shows them with the view that names
/// who asked and why (PasswordSafe.format.ps1xml, <c>PasswordSafe.Request.ApproverQueue</c>) instead of the requestor's
/// own view. The object is still a <see cref="Request"/>: it pipes on to Approve-PSRequest and Deny-PSRequest as before.
/// </summary>
internal static class ApproverQueueView
{
    public const string TypeName = "PasswordSafe.Request#ApproverQueue";

    public static PSObject Mark(Request request)
    {
        var wrapped = new PSObject(request);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}

using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Creates a workgroup (<c>POST Workgroups</c>, api-v3 §6.1); the name is at most 256 characters.</summary>
[Cmdlet(VerbsCommon.New, "PSWorkgroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Workgroup))]
public sealed class NewPSWorkgroupCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The organization (a GUID); the server's default organization when left out.</summary>
    [Parameter]
    public string? OrganizationId { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            BodyBuilder.Validate(FieldSpec.Text("Name", "Name", 256), Name);
            if (ShouldProcess($"workgroup '{Name}'", "Create"))
            {
                var service = new AssetService(Connect());
                WriteObject(Run((log, token) => service.CreateWorkgroupAsync(Name, OrganizationId, log, token)));
            }
        }, Name);
    }
}

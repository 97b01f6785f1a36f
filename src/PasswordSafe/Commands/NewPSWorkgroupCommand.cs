using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Creates a workgroup (<c>POST Workgroups</c>, api-v3 §6.1); the name is at most 256 characters.</summary>
[Cmdlet(VerbsCommon.New, "PSWorkgroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Workgroup))]
public sealed class NewPSWorkgroupCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The organization (a GUID); the server's default organization when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrganizationId { get; set; }

    /// <summary>Objects the module returned give no workgroup name: their names are theirs, not the new workgroup's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new string[0];

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

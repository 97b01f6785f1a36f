using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Changes a managed system (<c>PUT ManagedSystems/{id}?version=</c>, api-v3 §6.3): values not given keep their current value.</summary>
[Cmdlet(VerbsCommon.Set, "PSManagedSystem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedSystem))]
public sealed class SetPSManagedSystemCommand : ManagedSystemSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SystemId", "Id")]
    public int ManagedSystemId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int PlatformId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A piped system gives its id only: its other properties are its current values, not changes.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(ManagedSystemId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var what = ManagedSystemService.Describe(ManagedSystemId);
            RequireASetting(what);
            var changes = BoundFields(ManagedSystemFields.All);
            BodyBuilder.Build("managed system", ManagedSystemFields.All, changes, null, ParseVersion(ApiVersion));
            var service = new ManagedSystemService(Connect());
            var plan = Run((log, token) => service.PlanUpdateAsync(ManagedSystemId, changes, ParseVersion(ApiVersion), log, token));
            if (!ShouldUpdate(PipedTargetName.Describe(what, plan.Current.SystemName), plan.Changed, plan.Current, PassThru))
            {
                return;
            }

            var updated = Run((log, token) => service.SendUpdateAsync(plan, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, ManagedSystemId);
    }
}

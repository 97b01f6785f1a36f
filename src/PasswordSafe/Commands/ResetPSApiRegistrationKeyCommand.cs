using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Rotates an API registration's key (spec A6, audited): the new key is returned (SecureString unless
/// -AsPlainText; with -Detailed an ApiRegistrationKey naming the registration) and every session or script using the
/// old key gets 401 from now on.
/// </summary>
[Cmdlet(VerbsCommon.Reset, "PSApiRegistrationKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecureString), typeof(string), typeof(ApiRegistrationKey))]
public sealed class ResetPSApiRegistrationKeyCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] RegistrationId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>One ApiRegistrationKey per registration (id, name, new key) instead of the bare key.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new ApiRegistrationService(client);
        foreach (var id in RegistrationId)
        {
            if (!ShouldChange(PipedTargetName.ApiRegistrationTarget(PipedObject, id), "Rotate the key (the old key stops working at once)", Force))
            {
                continue;
            }

            TryItem(() =>
            {
                // The name is read before the rotation: afterwards nothing may come between the new key and its output.
                var name = Detailed ? ApiRegistrationKeyOutput.NameOf(this, service, id) : null;
                var key = RunOnceOnly((log, token) => service.RotateKeyAsync(id, log, token), out var callLog);
                WriteOnceOnlyResult(ApiRegistrationKeyOutput.Of(id, name, key, AsPlainText, Detailed, client.Session),
                    $"The key of {ApiRegistrationService.Describe(id)} was rotated: sessions and scripts that use the old key now get 401 Unauthorized. Give them the new key.",
                    callLog);
            }, id);
        }
    }
}

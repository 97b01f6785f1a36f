using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Shared by the administration cmdlets (issue 4): the session (also bound from piped objects), per-item
/// errors so one bad item does not stop a pipeline, -Force for the high-impact changes, and the mapping
/// from bound parameters to body fields.
/// </summary>
public abstract class AdminCmdlet : PasswordSafeCmdlet
{
    // "Yes to All" / "No to All" answered at ShouldChangeAtHighImpact's question, for the rest of the pipeline.
    private bool _yesToAllHighImpact;
    private bool _noToAllHighImpact;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    internal AdminClient Connect() => new AdminClient(ResolveSession(Session));

    /// <summary>The state-changing cmdlets take only the module objects <see cref="AcceptedPipedObjects"/> lists for them.</summary>
    internal override bool RefusesPipedObject() => AcceptedPipedObjects.For(GetType()) != null && AcceptedPipedObjects.Refuses(this);

    /// <summary>Runs one item's work; a failure becomes a non-terminating error with the item as target.</summary>
    internal bool TryItem(Action work, object? target)
    {
        try
        {
            work();
            return true;
        }
        catch (PasswordSafeException e)
        {
            WriteError(CreateErrorRecord(e, target));
            return false;
        }
    }

    /// <summary>
    /// ShouldProcess, except that -Force skips the confirmation prompt of a ConfirmImpact.High change
    /// (SecretStore style) while -WhatIf and an explicit -Confirm still apply.
    /// </summary>
    internal bool ShouldChange(string target, string action, bool force)
    {
        var explicitConfirm = MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm);
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
            ? LanguagePrimitives.IsTrue(bound)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        if (force && !whatIf && !explicitConfirm)
        {
            return true;
        }

        return ShouldProcess(target, action);
    }

    /// <summary>
    /// <see cref="ShouldChange"/> for the one change of a ConfirmImpact.Medium cmdlet that is security-relevant (a
    /// Set-PSApiRegistration that turns a sign-in check off): asked as a ConfirmImpact.High cmdlet would be. PowerShell
    /// weighs a cmdlet's declared impact only, so when $ConfirmPreference is High (the default) and ShouldProcess let the
    /// change through without asking, it is asked here. -Force, -Confirm:$false and $ConfirmPreference None skip it;
    /// -WhatIf and -Confirm behave as always. "Yes to All" holds for the rest of the pipeline.
    /// </summary>
    internal bool ShouldChangeAtHighImpact(string target, string action, bool force)
    {
        if (!ShouldChange(target, action, force))
        {
            return false;
        }

        if (force || _yesToAllHighImpact || MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return true;
        }

        var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference") ?? ConfirmImpact.High);
        if (preference != ConfirmImpact.High)
        {
            // None: nothing is asked; Medium or Low: ShouldProcess has just asked.
            return true;
        }

        return ShouldContinue($"Are you sure you want to perform this action?\nPerforming the operation \"{action}\" on target \"{target}\".",
            "Confirm", ref _yesToAllHighImpact, ref _noToAllHighImpact);
    }

    /// <summary>The body values of the parameters the user bound, by JSON key: switches as booleans, SecureStrings as text.</summary>
    internal IDictionary<string, object?> BoundFields(IEnumerable<FieldSpec> specs)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            if (!MyInvocation.BoundParameters.TryGetValue(spec.ParameterName, out var value))
            {
                continue;
            }

            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (value)
            {
                case SwitchParameter flag:
                    values[spec.WireName] = flag.ToBool();
                    break;
                case SecureString secure:
                    values[spec.WireName] = SecureStringReader.ToPlainText(secure);
                    break;
                default:
                    values[spec.WireName] = value;
                    break;
            }
        }

        return values;
    }

    /// <summary>
    /// Refuses <paramref name="parameter"/> typed in this set: it is declared here, hidden, only so that a piped object
    /// that also carries it (a managed system carries its AssetId) binds to this set alone instead of matching two.
    /// </summary>
    internal void RefuseTypedWith(string parameter, string setParameter)
    {
        if (GivenOnCommandLine(parameter))
        {
            ThrowTerminatingError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ValidationFailed,
                $"-{parameter} cannot be used with -{setParameter}.", $"Pass one of them: -{setParameter} or -{parameter}."), parameter));
        }
    }

    /// <summary>
    /// The settings a Set- cmdlet changes: every parameter it takes by property name except the object's ids
    /// (<see cref="PasswordSafeCmdlet.ObjectKeyParameters"/>) and -Session.
    /// </summary>
    internal IReadOnlyList<string> SettingParameters()
    {
        var keys = ObjectKeyParameters ?? new string[0];
        return PipelineParameter.Of(GetType())
            .Where(p => p.TakesPipelineInput && !p.IsPlumbing && p.Name != nameof(Session) && !keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary>The settings this call (or this piped record) gives.</summary>
    internal IReadOnlyList<string> GivenSettings() => SettingParameters().Where(MyInvocation.BoundParameters.ContainsKey).ToList();

    /// <summary>
    /// A Set- call that gives no setting would PUT the object back as it was read, and the server would audit a change
    /// that changed nothing: refused with ValidationFailed before anything is sent. A piped row (a CSV line whose setting
    /// cells are all empty) is data, not a mistake: it goes on, and the comparison with the current values sends nothing.
    /// </summary>
    internal void RequireASetting(string item)
    {
        if (GivenSettings().Count > 0 || PipedRecordIsRow)
        {
            return;
        }

        var settings = SettingParameters().Select(p => "-" + p).ToList();
        var list = settings.Count <= 8
            ? string.Join(", ", settings)
            : string.Join(", ", settings.Take(6)) + $", ... (Get-Help {MyInvocation.MyCommand.Name} -Parameter * lists them)";
        var piped = PipedRecord == null ? string.Empty
            : " A piped object from this module gives only its id: the settings come from the parameters you type, or from the columns of CSV rows.";
        throw AdminErrors.Invalid($"{MyInvocation.MyCommand.Name} was given no setting to change for {item}, so nothing was sent.{piped}",
            $"Give at least one setting to change: {list}.");
    }

    /// <summary>
    /// After the object was read and compared: when no given value changes it, nothing is sent (no PUT, no audit entry),
    /// Verbose says why and -PassThru writes the object as it is, so a runbook that re-applies the same values every night
    /// changes nothing. Otherwise ShouldProcess, naming the settings that change; a change that turns a security check off
    /// (<paramref name="weakening"/> says which) is asked as a ConfirmImpact.High change, skipped by <paramref name="force"/>.
    /// </summary>
    internal bool ShouldUpdate(string item, IReadOnlyCollection<string> changed, object current, bool passThru,
        string? weakening = null, bool force = false)
    {
        if (changed.Count > 0)
        {
            var action = "Update " + string.Join(", ", changed);
            return weakening == null ? ShouldProcess(item, action) : ShouldChangeAtHighImpact(item, $"{action} ({weakening})", force);
        }

        var given = GivenSettings();
        WriteVerbose(given.Count == 0
            ? $"Nothing was sent for {item}: the piped row gives no value to change (its setting cells are empty)."
            : $"Nothing was sent for {item}: it already has the values given ({string.Join(", ", given.Select(p => "-" + p))}).");
        if (passThru)
        {
            WriteObject(current);
        }

        return false;
    }

    internal static Version? ParseVersion(string? text) =>
        string.IsNullOrEmpty(text) ? null : Version.Parse(text);

    /// <summary>Writes the items whose name matches; a literal name that matches nothing is an ObjectNotFound error.</summary>
    internal void WriteMatching<T>(IEnumerable<T> items, string? pattern, Func<T, string?> nameOf, string noun)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            WriteObject(items, enumerateCollection: true);
            return;
        }

        var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        var found = false;
        foreach (var item in items.Where(i => wildcard.IsMatch(nameOf(i) ?? string.Empty)))
        {
            found = true;
            WriteObject(item);
        }

        if (!found && !WildcardPattern.ContainsWildcardCharacters(pattern))
        {
            WriteError(CreateErrorRecord(NameNotFound(noun, WildcardPattern.Unescape(pattern)), pattern));
        }
    }

    /// <summary>ObjectNotFound for a literal name that a listing does not hold.</summary>
    internal static PasswordSafeException NameNotFound(string noun, string name) =>
        new PasswordSafeException(ErrorIds.ObjectNotFound, $"No {noun} named '{name}' was found.", "Check the name; run the cmdlet without a name to list them all.");

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

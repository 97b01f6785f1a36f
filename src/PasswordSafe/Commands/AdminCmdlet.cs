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
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    internal AdminClient Connect() => new AdminClient(ResolveSession(Session));

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
            WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ObjectNotFound,
                $"No {noun} named '{pattern}' was found.", "Check the name; run the cmdlet without a name to list them all."), pattern));
        }
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

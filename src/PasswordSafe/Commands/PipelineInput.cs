using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;

namespace PasswordSafe.Commands;

/// <summary>
/// What each piped record gave one cmdlet invocation. PowerShell binds a record's properties to the parameters that take
/// pipeline input, but when the next record lacks one it resets the property and leaves the old value in BoundParameters;
/// and it silently skips a value it cannot convert. This tells a record's own bindings apart (the parameters not bound
/// before input), lets the cmdlet drop values it must not take, finds values that did not convert, and forgets the
/// record's bindings afterwards so the next record sees only its own. Only made when the cmdlet expects input.
/// </summary>
internal sealed class PipelineInput
{
    // The engine keeps the record being bound in InternalCommand.CurrentPipelineObject (internal, unchanged from
    // PowerShell 2 to 7); without it the checks that need the record itself are skipped and a piped session is the sign of
    // an object this module wrote.
    private static readonly PropertyInfo? CurrentPipelineObject =
        typeof(InternalCommand).GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly PSCmdlet _cmdlet;
    private readonly HashSet<string> _boundBeforeInput;
    private readonly Dictionary<string, object?> _unboundValues = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _bound = new List<string>();
    private readonly Dictionary<string, PipelineParameter> _byName;

    private PipelineInput(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
        _boundBeforeInput = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        Parameters = PipelineParameter.Of(cmdlet.GetType());
        _byName = Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        // A script block typed for a parameter that takes piped values (-UserId { $_.Id }) is bound before input as the
        // engine's DelayedScriptBlockArgument (internal; an engine that names it otherwise refuses such rows as before),
        // then run on each record for its value.
        DelayBound = cmdlet.MyInvocation.BoundParameters
            .Where(b => b.Value?.GetType().Name == "DelayedScriptBlockArgument" && _byName.ContainsKey(b.Key))
            .Select(b => _byName[b.Key])
            .ToList();
        foreach (var parameter in Parameters.Where(p => p.TakesPipelineInput && !_boundBeforeInput.Contains(p.Name)))
        {
            _unboundValues[parameter.Name] = parameter.Property.GetValue(cmdlet);
        }
    }

    public IReadOnlyList<PipelineParameter> Parameters { get; }

    /// <summary>The parameters given as delay-bind script blocks: each record gives them the value its block computes.</summary>
    public IReadOnlyList<PipelineParameter> DelayBound { get; }

    /// <summary>The record being processed (null when the engine does not say).</summary>
    public PSObject? Record { get; private set; }

    /// <summary>The parameters this record bound (not a $PSDefaultParameterValues value applied meanwhile).</summary>
    public IReadOnlyList<string> Bound => _bound;

    /// <summary>
    /// An object this module wrote (or its deserialized copy): its properties are the server's values when it was read,
    /// not values to send. Rows (Import-Csv, Select-Object, [pscustomobject]) are not.
    /// </summary>
    public bool RecordIsModuleObject => Record == null
        ? _bound.Contains("Session", StringComparer.OrdinalIgnoreCase)
        : AcceptedPipedObjects.ModuleTypeName(Record) != null;

    /// <summary>Null when the cmdlet is not fed by the pipeline: then there is nothing to track and nothing to pay.</summary>
    public static PipelineInput? Start(PSCmdlet cmdlet) => cmdlet.MyInvocation.ExpectingInput ? new PipelineInput(cmdlet) : null;

    /// <summary>Reads what the current record bound; call at the start of each record.</summary>
    public void Read()
    {
        Record = CurrentPipelineObject?.GetValue(_cmdlet) is PSObject record && record != AutomationNull.Value ? record : null;
        _bound.Clear();
        _bound.AddRange(_cmdlet.MyInvocation.BoundParameters.Keys.Where(k => !_boundBeforeInput.Contains(k) && CameFromTheRecord(k)));
    }

    public bool BoundBeforeInput(string name) => _boundBeforeInput.Contains(name);

    /// <summary>What the command line (or $PSDefaultParameterValues) bound.</summary>
    public IEnumerable<string> BoundBeforeInputNames => _boundBeforeInput;

    public PipelineParameter? Parameter(string name) => _byName.TryGetValue(name, out var parameter) ? parameter : null;

    /// <summary>Binds a value for this record that PowerShell could not: the property and BoundParameters, forgotten after the record.</summary>
    public void Bind(PipelineParameter parameter, object value)
    {
        parameter.Property.SetValue(_cmdlet, value);
        _cmdlet.MyInvocation.BoundParameters[parameter.Name] = value;
        if (!_bound.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
        {
            _bound.Add(parameter.Name);
        }
    }

    /// <summary>Unbinds a value this record gave: out of BoundParameters, the property back to its value before input.</summary>
    public void Drop(PipelineParameter parameter)
    {
        _cmdlet.MyInvocation.BoundParameters.Remove(parameter.Name);
        if (_unboundValues.TryGetValue(parameter.Name, out var value))
        {
            parameter.Property.SetValue(_cmdlet, value);
        }

        _bound.RemoveAll(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The record's property that PowerShell matches to the parameter: its name first, then its aliases.</summary>
    public PSPropertyInfo? SourceOf(PipelineParameter parameter) => Record == null ? null : SourceOf(Record, parameter);

    /// <summary>The property of <paramref name="record"/> that PowerShell matches to the parameter: its name first, then its aliases.</summary>
    public static PSPropertyInfo? SourceOf(PSObject record, PipelineParameter parameter) =>
        new[] { parameter.Name }.Concat(parameter.Aliases).Select(name => record.Properties[name]).FirstOrDefault(p => p != null);

    /// <summary>
    /// The record's values that PowerShell did not bind though a parameter of this set takes them by property name: it
    /// skips a value it cannot convert without a word (text for a number, a string for a SecureString).
    /// </summary>
    public IEnumerable<(PipelineParameter Parameter, PSPropertyInfo Source)> Unconverted(string parameterSet)
    {
        foreach (var parameter in Parameters.Where(p => p.ByPropertyName(parameterSet)))
        {
            if (_boundBeforeInput.Contains(parameter.Name) || _bound.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var source = SourceOf(parameter);
            if (source != null && !IsBlank(source.Value))
            {
                yield return (parameter, source);
            }
        }
    }

    /// <summary>No value: null, or an empty cell of Import-Csv (empty or white space).</summary>
    public static bool IsBlank(object? value)
    {
        var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        return bare == null || (bare is string text && text.Trim().Length == 0);
    }

    /// <summary>
    /// Forgets the record's bindings, so the next record sees only its own in BoundParameters (PowerShell itself resets
    /// only the properties, before binding the next record). Only what came from the record: a $PSDefaultParameterValues
    /// value PowerShell applied while binding the first record stays, as its property does.
    /// </summary>
    public void Forget()
    {
        // What Read found the record bound, less what Drop already took out (nothing else changes BoundParameters).
        foreach (var name in _bound)
        {
            _cmdlet.MyInvocation.BoundParameters.Remove(name);
        }

        _bound.Clear();
    }

    /// <summary>A parameter that takes piped values, bound by value or from a property the record has.</summary>
    private bool CameFromTheRecord(string name)
    {
        var parameter = Parameter(name);
        return parameter != null && parameter.TakesPipelineInput
               && (Record == null || SourceOf(parameter) != null || parameter.ByValue(_cmdlet.ParameterSetName));
    }
}

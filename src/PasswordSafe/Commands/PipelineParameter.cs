using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;

namespace PasswordSafe.Commands;

/// <summary>
/// One parameter of a cmdlet as pipeline binding sees it (names, sets, whether it takes piped values), read once per
/// cmdlet type from its [Parameter] and [Alias] attributes, the same declarations PowerShell binds by.
/// </summary>
internal sealed class PipelineParameter
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PipelineParameter>> ByCmdletType = new ConcurrentDictionary<Type, IReadOnlyList<PipelineParameter>>();

    private readonly ParameterAttribute[] _attributes;

    private PipelineParameter(PropertyInfo property, ParameterAttribute[] attributes, IReadOnlyList<string> aliases)
    {
        Property = property;
        _attributes = attributes;
        Aliases = aliases;
    }

    public string Name => Property.Name;

    public PropertyInfo Property { get; }

    public Type Type => Property.PropertyType;

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>SecureString and PSCredential: values never quoted in a message.</summary>
    public bool IsSecret => Type == typeof(SecureString) || Type == typeof(PSCredential);

    /// <summary>Takes piped values at all, in any set.</summary>
    public bool TakesPipelineInput => _attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName);

    /// <summary>
    /// Pipeline plumbing: a hidden parameter that takes the piped object itself only to name it (Stop-PSRequest's
    /// -InputObject); binding it says nothing about whether the cmdlet could use the object.
    /// </summary>
    public bool IsPlumbing => _attributes.All(a => a.DontShow) && _attributes.Any(a => a.ValueFromPipeline);

    public bool ByPropertyName(string parameterSet) => InSet(parameterSet).Any(a => a.ValueFromPipelineByPropertyName);

    public bool ByValue(string parameterSet) => InSet(parameterSet).Any(a => a.ValueFromPipeline);

    public bool IsMandatory(string parameterSet) => InSet(parameterSet).Any(a => a.Mandatory);

    /// <summary>The parameters of a cmdlet type, including those its base classes declare.</summary>
    public static IReadOnlyList<PipelineParameter> Of(Type cmdletType) => ByCmdletType.GetOrAdd(cmdletType, Read);

    private IEnumerable<ParameterAttribute> InSet(string parameterSet) => _attributes.Where(a =>
        a.ParameterSetName == ParameterAttribute.AllParameterSets || string.Equals(a.ParameterSetName, parameterSet, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<PipelineParameter> Read(Type cmdletType) =>
        cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new
            {
                Property = p,
                Attributes = p.GetCustomAttributes<ParameterAttribute>(inherit: true).ToArray(),
                Aliases = p.GetCustomAttributes<AliasAttribute>(inherit: true).SelectMany(a => a.AliasNames).ToList(),
            })
            .Where(p => p.Attributes.Length > 0)
            .Select(p => new PipelineParameter(p.Property, p.Attributes, p.Aliases))
            .ToList();
}

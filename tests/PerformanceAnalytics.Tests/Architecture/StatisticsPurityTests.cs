using System.Reflection;
using System.Reflection.Emit;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Architecture;

/// <summary>
/// <c>PerformanceAnalytics.Statistics</c> is pure: no dependency injection, logging, clock or I/O in any signature
/// or method body, so that it can be carved out as a package of its own.
/// </summary>
public sealed class StatisticsPurityTests
{
    private static readonly string[] _forbiddenNamespaces =
    [
        "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Caching",
        "System.IO",
        "System.Net",
        "PerformanceAnalytics.Storage",
        "PerformanceAnalytics.Analysis",
    ];

    private static readonly Type[] _forbiddenTypes = [typeof(TimeProvider), typeof(DateTime), typeof(DateTimeOffset), typeof(Environment)];

    [Test]
    public void StatisticsTypes_ReferenceNoDependencyInjectionLoggingClockOrIo()
    {
        var types = typeof(Descriptive).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("PerformanceAnalytics.Statistics", StringComparison.Ordinal) == true)
            .ToList();
        var violations = new List<string>();

        foreach (var type in types)
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(All))
            {
                Check(field.FieldType, $"{type.Name}.{field.Name}", violations);
            }

            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method is MethodInfo info)
                {
                    Check(info.ReturnType, $"{type.Name}.{method.Name}", violations);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Check(parameter.ParameterType, $"{type.Name}.{method.Name}({parameter.Name})", violations);
                }

                foreach (var member in ReferencedMembers(method))
                {
                    if (member.DeclaringType is { } declaring)
                    {
                        Check(declaring, $"{type.Name}.{method.Name} uses {declaring.Name}.{member.Name}", violations);
                    }
                }
            }
        }

        types.Should().NotBeEmpty();
        violations.Should().BeEmpty();
    }

    private static void Check(Type type, string where, List<string> violations)
    {
        var element = type.IsArray || type.IsByRef || type.IsPointer ? type.GetElementType()! : type;
        if (_forbiddenTypes.Contains(element)
            || (element.Namespace is { } ns && _forbiddenNamespaces.Any(f => ns.StartsWith(f, StringComparison.Ordinal))))
        {
            violations.Add($"{where}: {element.FullName}");
        }

        if (element.IsGenericType)
        {
            foreach (var argument in element.GetGenericArguments())
            {
                if (!argument.IsGenericParameter)
                {
                    Check(argument, where, violations);
                }
            }
        }
    }

    /// <summary>The fields, methods and constructors a method body refers to, read from its IL.</summary>
    private static IEnumerable<MemberInfo> ReferencedMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            OpCode opCode;
            if (il[position] == 0xFE)
            {
                opCode = _twoByteOpCodes[il[position + 1]];
                position += 2;
            }
            else
            {
                opCode = _oneByteOpCodes[il[position]];
                position += 1;
            }

            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(
                        token,
                        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (ArgumentException)
                {
                    // A token into a generic context the resolver cannot bind; its declaring type is checked elsewhere.
                }

                if (member is not null)
                {
                    yield return member;
                }
            }

            position += OperandSize(opCode, il, position);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private static readonly OpCode[] _oneByteOpCodes = BuildTable(twoByte: false);
    private static readonly OpCode[] _twoByteOpCodes = BuildTable(twoByte: true);

    private static OpCode[] BuildTable(bool twoByte)
    {
        var table = new OpCode[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (twoByte ? value >> 8 == 0xFE : code.Size == 1)
            {
                table[value & 0xFF] = code;
            }
        }

        return table;
    }
}

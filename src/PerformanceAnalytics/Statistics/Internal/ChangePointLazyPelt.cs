namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Optimal partitioning for the mean-and-variance cost that evaluates a candidate last change only when a lower bound
/// on its cost leaves it a chance to be the minimum, instead of evaluating every candidate that pruning keeps.
/// </summary>
/// <remarks>
/// <para>
/// The likelihood part of the cost is superadditive in the sense PELT relies on: C(c, t) ≥ C(c, t₀) + C(t₀, t) for
/// c &lt; t₀ &lt; t (a minimum over the segment's parameters of a sum is at least the sum of the minima), and the MBIC
/// term ln(t − c) only grows with t. So the value of candidate c at time t, v_c(t) = F(c) + C(c, t) + ln(t − c), is at
/// least v_c(t₀) + C(t₀, t) + ln(t − c) − ln(t₀ − c). Candidates are kept in groups that share such a base time t₀,
/// with their gaps g_c = v_c(t₀) − min_r v_r(t₀); at time t one evaluation of C(t₀, t) bounds the whole group, and only
/// the members whose gap is below min_r v_r(t) − v_min(t₀) − C(t₀, t) − (the smallest ln increase) are evaluated.
/// Inside a homogeneous segment that difference is the likelihood-ratio statistic of a change at t₀, a few units,
/// while the gaps of all but the best few candidates are close to the penalty, so about two candidates are evaluated
/// per step however many are alive. Nothing is dropped on the strength of the bound: it only decides what to
/// evaluate now, so F(t) and the minimiser (ties to the earliest candidate) are exactly those of full evaluation.
/// </para>
/// <para>
/// Groups form a binary counter: each new candidate is a group of its own, and two groups of the same rank merge
/// into one of the next rank, re-based at the current time (every member evaluated again), so merges evaluate each
/// candidate O(log n) times. A group whose members have been looked at more often since their base than re-basing
/// them would cost is re-based too, at no more than the cost of those scans. A step costs one bound per group,
/// O(log n), plus the few members the bounds admit: O(n log n) for a series with a few changes, where pruning alone
/// leaves a living set of candidates that grows with the segment length. Re-basing applies PELT's own rule on the likelihood part (F(c) + C(c, t) &gt;
/// F(t) drops c for every end from t + minSegmentLength on), which removes the candidates of earlier segments.
/// </para>
/// <para>
/// The bound compares computed values, so it allows for rounding: the sum of squares from prefix sums is off by at
/// most about 16u S₂ (u the unit round-off, S₂ the largest centred prefix sum of squares), which moves m ln x by at
/// most 16u S₂ / x + 4u n (|ln x| + 1), where x ≥ the floor ε is the per-point variance. A lower bound on x over a
/// group follows from the same superadditivity: the spread of (c, t] is at least the age-weighted mean of the
/// spreads of (c, t₀] and (t₀, t].
/// </para>
/// <para>
/// Where the series drifts (a trend, or slow changes of scale), the bound loosens quickly after each re-base and
/// many candidates stay close to the minimum, so most of them are evaluated at most steps. The search gives up
/// when the candidates it looks at (in scans and re-bases) exceed a budget of O(log n) per step, and the caller runs
/// PELT with pruning instead.
/// </para>
/// </remarks>
internal static class ChangePointLazyPelt
{
    /// <summary>The unit round-off of double precision, 2⁻⁵³.</summary>
    private const double UnitRoundOff = 1.1102230246251565e-16;

    /// <summary>Number of gap buckets per group.</summary>
    private const int Buckets = 9;

    /// <summary>Candidates looked at per step and per unit of log₂ n before the search gives up.</summary>
    private const double BudgetPerStepAndLog = 4.0;

    /// <summary>Candidates looked at before the per-step budget applies.</summary>
    private const double BudgetAllowance = 65_536;

    /// <summary>Lower ends of the gap buckets: the members of a bucket are looked at only when its lower end is within reach.</summary>
    private static readonly double[] _bucketLow = [double.NegativeInfinity, 4, 8, 12, 16, 20, 24, 32, 48];

    /// <summary>Gets the default budget of candidates looked at per step for a series of length n.</summary>
    public static double DefaultBudgetPerStep(int n) => BudgetPerStepAndLog * Math.Log2(n + 1.0);

    /// <summary>
    /// Runs the search. Returns the change points, or <see langword="null"/> when the candidates looked at exceeded
    /// <paramref name="budgetPerStep"/> per step (nothing is then written to <paramref name="optimalCosts"/> or
    /// <paramref name="keptAtEnd"/>).
    /// </summary>
    /// <param name="cost">The segment cost; must not be <see cref="IChangePointCostKernel.MeanOnly"/>.</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <param name="budgetPerStep">Candidates looked at per step on average (∞ for no limit).</param>
    /// <param name="optimalCosts">When given (length n + 1), receives F(t) for t ≥ minSegmentLength.</param>
    /// <param name="keptAtEnd">When given, receives every candidate still held at t = n.</param>
    public static int[]? TryPelt<TKernel>(TKernel cost, int n, double penalty, int minSegmentLength, double budgetPerStep, double[]? optimalCosts = null, List<int>? keptAtEnd = null)
        where TKernel : struct, IChangePointCostKernel
    {
        if (n < 2 * minSegmentLength)
        {
            return [];
        }

        var search = new Search<TKernel>(cost, n, penalty, minSegmentLength);
        if (!search.Run(budgetPerStep, keptAtEnd))
        {
            return null;
        }

        if (optimalCosts is not null)
        {
            search.F.AsSpan().CopyTo(optimalCosts);
        }

        return ChangePointSearch.Backtrack(search.Last, n);
    }

    private static int BucketOf(double gap) => gap < 24 ? Math.Max(0, (int)(gap / 4)) : gap < 32 ? 6 : gap < 48 ? 7 : 8;

    private sealed class Search<TKernel>(TKernel cost, int n, double penalty, int minSegmentLength)
        where TKernel : struct, IChangePointCostKernel
    {
        private readonly List<Group> _groups = [];
        private readonly Stack<Group> _spare = new();
        private readonly List<(int Candidate, int Expiry)> _dying = [];
        private readonly double _squaresMax = cost.SumSquares(n);
        private readonly double _floor = cost.SpreadFloor;
        private int[] _scratchIds = new int[64];
        private double[] _scratchGaps = new double[64];
        private double _best;
        private int _argBest;
        private long _work;

        public double[] F { get; } = new double[n + 1];

        public int[] Last { get; } = new int[n + 1];

        public bool Run(double budgetPerStep, List<int>? keptAtEnd)
        {
            var f = F;
            f[0] = -penalty;
            var logMax = Math.Max(Math.Abs(Math.Log(_floor)), Math.Abs(Math.Log(_squaresMax + _floor))) + 1.0;
            var lengthError = 4.0 * UnitRoundOff * n * logMax;
            var previousWinner = -1;
            for (var t = minSegmentLength; t <= n; t++)
            {
                if (double.IsFinite(budgetPerStep) && _work > (budgetPerStep * (t - minSegmentLength)) + BudgetAllowance)
                {
                    return false;
                }

                var s = t - minSegmentLength;
                var admissible = s == 0 || s >= minSegmentLength;
                _best = double.PositiveInfinity;
                _argBest = 0;
                EvaluateDying(t);
                if (admissible)
                {
                    Consider(s, t);
                }

                // The group of the previous minimiser first: it sets a low bar for the others.
                var first = -1;
                for (var k = 0; k < _groups.Count && first < 0; k++)
                {
                    first = _groups[k].HoldsNearTheTop(previousWinner) ? k : -1;
                }

                if (first >= 0)
                {
                    Scan(_groups[first], t, lengthError);
                }

                for (var k = 0; k < _groups.Count; k++)
                {
                    if (k != first)
                    {
                        Scan(_groups[k], t, lengthError);
                    }
                }

                f[t] = _best + penalty;
                Last[t] = _argBest;
                previousWinner = _argBest;
                if (t == n)
                {
                    CollectKept(keptAtEnd, admissible ? s : -1, n);
                    break;
                }

                var until = t + minSegmentLength <= n ? t + minSegmentLength : -1;
                if (admissible)
                {
                    var group = Take();
                    _scratchIds[0] = s;
                    Rebase(group, 1, t, until);
                    _groups.Add(group);
                }

                while (_groups.Count >= 2 && _groups[^1].Rank == _groups[^2].Rank)
                {
                    var (older, newer) = (_groups[^2], _groups[^1]);
                    var count = Gather(older, 0);
                    count = Gather(newer, count);
                    Rebase(older, count, t, until);
                    older.Rank++;
                    _groups.RemoveAt(_groups.Count - 1);
                    _spare.Push(newer);
                }

                foreach (var group in _groups)
                {
                    if (group.Stale)
                    {
                        Rebase(group, Gather(group, 0), t, until);
                    }
                }
            }

            return true;
        }

        private void EvaluateDying(int t)
        {
            var alive = 0;
            for (var i = 0; i < _dying.Count; i++)
            {
                if (_dying[i].Expiry > t)
                {
                    Consider(_dying[i].Candidate, t);
                    _dying[alive++] = _dying[i];
                }
            }

            _dying.RemoveRange(alive, _dying.Count - alive);
        }

        private void Consider(int r, int t)
        {
            var v = F[r] + cost.LikelihoodCost(r, t) + cost.LengthTerm(t - r);
            if (v < _best || (v == _best && r < _argBest))
            {
                _best = v;
                _argBest = r;
            }
        }

        /// <summary>Evaluates the members of <paramref name="group"/> that its bound at t leaves a chance.</summary>
        private void Scan(Group group, int t, double lengthError)
        {
            if (group.Count == 0)
            {
                return;
            }

            var m = t - group.BaseTime;
            var likelihood = cost.LikelihoodCost(group.BaseTime, t);
            var spread = SpreadOf(group.BaseTime, t);
            var lowerBound = group.BaseBest + likelihood + cost.LengthTerm(t - group.Oldest) - cost.LengthTerm(group.BaseTime - group.Oldest);

            // Spread of (c, t] ≥ (a x(c, t₀) + m x(t₀, t)) / (a + m) with a = t₀ − c ≥ the youngest member's age; less
            // the rounding of the computed spreads, and never below the floor.
            var spreadBound = group.MinSpread < spread ? group.MinSpread : ((group.MinAge * group.MinSpread) + (m * spread)) / (group.MinAge + m);
            var smallestSpread = Math.Max(_floor, 0.5 * (spreadBound - (16.0 * UnitRoundOff * _squaresMax)));
            var slack = (3.0 * ((16.0 * UnitRoundOff * _squaresMax / smallestSpread) + lengthError))
                + (ChangePointPelt.Tolerance * (Math.Abs(group.BaseBest) + Math.Abs(likelihood) + (double.IsFinite(_best) ? Math.Abs(_best) : 0.0) + 1.0));
            var reach = _best + slack - lowerBound;
            if (!(reach >= group.MinGap))
            {
                return;
            }

            // Work counts every member looked at, evaluated or not, so that the budget bounds the scans too.
            var examined = 0;
            for (var bucket = 0; bucket < Buckets && _bucketLow[bucket] <= reach; bucket++)
            {
                var end = group.BucketStart[bucket + 1];
                examined += end - group.BucketStart[bucket];
                for (var j = group.BucketStart[bucket]; j < end; j++)
                {
                    if (group.Gaps[j] <= reach)
                    {
                        Consider(group.Ids[j], t);
                        reach = _best + slack - lowerBound;
                    }
                }
            }

            _work += examined;
            group.Examined += examined;
            if (group.Examined > Math.Max(8, group.Count / 2))
            {
                group.Stale = true;
            }
        }

        /// <summary>The per-point variance plus the floor of the segment (start, end].</summary>
        private double SpreadOf(int start, int end) =>
            cost.Spread(end - start, cost.Sum(end) - cost.Sum(start), cost.SumSquares(end) - cost.SumSquares(start), out _);

        private int Gather(Group group, int offset)
        {
            EnsureScratch(offset + group.Count);
            group.Ids.AsSpan(0, group.Count).CopyTo(_scratchIds.AsSpan(offset));
            return offset + group.Count;
        }

        private void EnsureScratch(int size)
        {
            if (size > _scratchIds.Length)
            {
                var capacity = Math.Max(size, 2 * _scratchIds.Length);
                Array.Resize(ref _scratchIds, capacity);
                _scratchGaps = new double[capacity];
            }
        }

        private Group Take()
        {
            var group = _spare.Count > 0 ? _spare.Pop() : new Group();
            group.Rank = 0;
            return group;
        }

        /// <summary>
        /// Makes t the base time of the first <paramref name="count"/> scratch candidates (gathered, so the scratch
        /// arrays hold them), stored in
        /// <paramref name="group"/> by gap bucket; drops those PELT's rule drops for every end from
        /// <paramref name="until"/> on (−1: none), keeping them evaluated until then.
        /// </summary>
        private void Rebase(Group group, int count, int t, int until)
        {
            _work += count;
            var kept = 0;
            var minSpread = double.PositiveInfinity;
            var minAge = int.MaxValue;
            var oldest = int.MaxValue;
            var minGap = double.PositiveInfinity;
            Span<int> sizes = stackalloc int[Buckets + 1];
            sizes.Clear();
            for (var j = 0; j < count; j++)
            {
                var r = _scratchIds[j];
                var likelihood = F[r] + cost.LikelihoodCost(r, t);
                if (until > 0 && likelihood - F[t] > ChangePointPelt.RuleTolerance(F[r], F[t], penalty))
                {
                    _dying.Add((r, until));
                    continue;
                }

                var m = t - r;
                var gap = likelihood + cost.LengthTerm(m) - _best;
                minSpread = Math.Min(minSpread, SpreadOf(r, t));
                minAge = Math.Min(minAge, m);
                oldest = Math.Min(oldest, r);
                minGap = Math.Min(minGap, gap);
                sizes[BucketOf(gap) + 1]++;
                _scratchIds[kept] = r;
                _scratchGaps[kept++] = gap;
            }

            group.Reserve(kept);
            for (var b = 0; b < Buckets; b++)
            {
                sizes[b + 1] += sizes[b];
                group.BucketStart[b + 1] = sizes[b + 1];
            }

            for (var j = 0; j < kept; j++)
            {
                var b = BucketOf(_scratchGaps[j]);
                group.Ids[sizes[b]] = _scratchIds[j];
                group.Gaps[sizes[b]++] = _scratchGaps[j];
            }

            group.Count = kept;
            group.BaseTime = t;
            group.BaseBest = _best;
            group.MinGap = minGap;
            group.MinSpread = minSpread;
            group.MinAge = kept > 0 ? minAge : 1;
            group.Oldest = kept > 0 ? oldest : t - 1;
            group.Examined = 0;
            group.Stale = false;
        }

        private void CollectKept(List<int>? keptAtEnd, int newest, int n)
        {
            if (keptAtEnd is null)
            {
                return;
            }

            foreach (var group in _groups)
            {
                keptAtEnd.AddRange(group.Ids.AsSpan(0, group.Count));
            }

            foreach (var (candidate, expiry) in _dying)
            {
                if (expiry > n)
                {
                    keptAtEnd.Add(candidate);
                }
            }

            if (newest >= 0)
            {
                keptAtEnd.Add(newest);
            }

            keptAtEnd.Sort();
        }
    }

    /// <summary>Candidates sharing a base time, ordered by gap bucket.</summary>
    private sealed class Group
    {
        public int[] BucketStart { get; } = new int[Buckets + 1];

        public int[] Ids { get; private set; } = new int[4];

        public double[] Gaps { get; private set; } = new double[4];

        public int Count { get; set; }

        public int Rank { get; set; }

        public int BaseTime { get; set; }

        /// <summary>Gets or sets min_r v_r at the base time (the reference of the gaps).</summary>
        public double BaseBest { get; set; }

        public int Oldest { get; set; }

        public double MinGap { get; set; }

        public double MinSpread { get; set; }

        public int MinAge { get; set; }

        public long Examined { get; set; }

        public bool Stale { get; set; }

        public void Reserve(int size)
        {
            if (size > Ids.Length)
            {
                var capacity = Math.Max(size, 2 * Ids.Length);
                Ids = new int[capacity];
                Gaps = new double[capacity];
            }
        }

        /// <summary>Returns true when r is among the first members of the lowest gap bucket (where the last minimiser usually sits).</summary>
        public bool HoldsNearTheTop(int r) => Array.IndexOf(Ids, r, 0, Math.Min(BucketStart[1], 16)) >= 0;
    }
}
